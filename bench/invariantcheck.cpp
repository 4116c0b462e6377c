#include "invariantcheck.h"

#include "database.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// One number from a query; -1 with the error in detail when it fails.
qint64 count(Database &database, const QString &sql, QString *detail)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next()) {
        *detail = query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

InvariantCheck::Finding zero(Database &database, const QString &name, const QString &sql)
{
    InvariantCheck::Finding finding{name, false, {}};
    const qint64 found = count(database, sql, &finding.detail);
    finding.held = found == 0;
    if (found > 0)
        finding.detail = u"%1 offending"_s.arg(found);
    return finding;
}

} // namespace

QList<InvariantCheck::Finding> InvariantCheck::afterDrain(Database &database, int expectedTasks,
                                                          const QStringList &completedIds)
{
    QList<Finding> findings;
    {
        Finding total{u"the board holds every task"_s, false, {}};
        const qint64 tasks = count(database, u"SELECT COUNT(*) FROM tasks"_s, &total.detail);
        total.held = tasks == expectedTasks;
        if (tasks >= 0 && !total.held)
            total.detail = u"%1 tasks, expected %2"_s.arg(tasks).arg(expectedTasks);
        findings << total;
    }
    findings << zero(database, u"no task claimed twice"_s,
                     u"SELECT COUNT(*) FROM (SELECT task_id FROM events WHERE kind = 'claimed' "
                     "GROUP BY task_id HAVING COUNT(*) > 1)"_s);
    findings << zero(database, u"exactly one run per task, closed completed"_s,
                     u"SELECT COUNT(*) FROM tasks t LEFT JOIN (SELECT task_id, COUNT(*) AS n, "
                     "SUM(outcome = 'completed' AND ended_at IS NOT NULL) AS closed "
                     "FROM runs GROUP BY task_id) r ON r.task_id = t.id "
                     "WHERE COALESCE(r.n, 0) <> 1 OR COALESCE(r.closed, 0) <> 1"_s);
    findings << zero(database, u"every task done with no claim"_s,
                     u"SELECT COUNT(*) FROM tasks WHERE status <> 'done' OR claim_lock IS NOT NULL "
                     "OR claim_expires IS NOT NULL OR current_run_id IS NOT NULL"_s);
    findings << zero(database, u"exactly one completed event per task"_s,
                     u"SELECT COUNT(*) FROM tasks t LEFT JOIN (SELECT task_id, COUNT(*) AS n "
                     "FROM events WHERE kind = 'completed' GROUP BY task_id) c "
                     "ON c.task_id = t.id WHERE COALESCE(c.n, 0) <> 1"_s);
    if (!completedIds.isEmpty()) {
        const QSet<QString> distinct(completedIds.cbegin(), completedIds.cend());
        Finding reported{u"workers completed each task once"_s, false, {}};
        reported.held = distinct.size() == completedIds.size() && distinct.size() == expectedTasks;
        if (!reported.held) {
            reported.detail = u"%1 reported, %2 distinct, %3 expected"_s.arg(completedIds.size())
                                  .arg(distinct.size())
                                  .arg(expectedTasks);
        }
        findings << reported;
    }
    {
        Finding integrity{u"PRAGMA integrity_check ok"_s, false, {}};
        QSqlQuery query(database.connection());
        if (query.exec(u"PRAGMA integrity_check"_s) && query.next()) {
            const QString answer = query.value(0).toString();
            integrity.held = answer == "ok"_L1;
            if (!integrity.held)
                integrity.detail = answer;
        } else {
            integrity.detail = query.lastError().text();
        }
        findings << integrity;
    }
    return findings;
}

bool InvariantCheck::allHeld(const QList<Finding> &findings)
{
    for (const Finding &finding : findings) {
        if (!finding.held)
            return false;
    }
    return true;
}
