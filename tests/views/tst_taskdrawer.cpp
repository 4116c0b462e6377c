#include "boardfixture.h"
#include "runlogview.h"
#include "taskdrawer.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TaskDrawerTest : public QObject
{
    Q_OBJECT

private:
    static bool showAndWait(TaskDrawer &drawer, const QString &id)
    {
        QSignalSpy shown(&drawer, &TaskDrawer::historyShown);
        drawer.showTask(id);
        return shown.wait();
    }

private Q_SLOTS:
    void shouldTellTheTasksStory()
    {
        // GIVEN a task with a parent, a comment and a finished run
        TempBoard board;
        const Task parent = must(board.store().create({.title = u"Parent"_s}));
        const Task task = must(board.store().create({.title = u"Story"_s,
                                                     .body = u"# Heading\n\nSome *markdown*."_s,
                                                     .assignee = u"coder"_s}));
        must(board.store().comment(task.id, u"alice"_s, u"looks good"_s));
        must(board.store().claim(task.id, u"worker"_s));
        must(board.store().block(task.id, u"needs a key"_s));
        must(board.store().link(parent.id, task.id));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        TaskDrawer drawer(&fixture.service());
        // WHEN the drawer shows it
        QVERIFY(showAndWait(drawer, task.id));
        // THEN its fields, body, comments, runs, events and dependencies are there
        QCOMPARE(drawer.findChild<QLineEdit *>(u"drawer-title"_s)->text(), u"Story"_s);
        QCOMPARE(drawer.findChild<QLineEdit *>(u"drawer-assignee"_s)->text(), u"coder"_s);
        QVERIFY(drawer.findChild<QTextBrowser *>(u"drawer-body"_s)->toPlainText().contains(u"Heading"_s));
        QVERIFY(drawer.findChild<QTextBrowser *>(u"drawer-comments"_s)->toPlainText().contains(u"looks good"_s));
        auto *runs = drawer.findChild<QTreeWidget *>(u"drawer-runs"_s);
        QCOMPARE(runs->topLevelItemCount(), 1);
        QCOMPARE(runs->topLevelItem(0)->text(1), u"blocked"_s);
        QVERIFY(drawer.findChild<QTreeWidget *>(u"drawer-events"_s)->topLevelItemCount() >= 4);
        QCOMPARE(drawer.findChild<QListWidget *>(u"drawer-parents"_s)->count(), 1);
    }

    void shouldSaveAnEditOnItsOwnAfterAPause()
    {
        TempBoard board;
        const Task task = must(board.store().create({.title = u"Old title"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        TaskDrawer drawer(&fixture.service());
        drawer.setAutoSaveDelay(10);
        drawer.show();
        QVERIFY(showAndWait(drawer, task.id));
        auto *title = drawer.findChild<QLineEdit *>(u"drawer-title"_s);
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, u"New title"_s);
        QTRY_COMPARE(must(board.queries().task(task.id)).title, u"New title"_s);
    }

    void shouldEditSkillsAndDependenciesAndAskToMove()
    {
        // GIVEN a task and another one that could depend on it
        TempBoard board;
        const Task task = must(board.store().create({.title = u"Parent"_s}));
        const Task other = must(board.store().create({.title = u"Child"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        TaskDrawer drawer(&fixture.service());
        drawer.setAutoSaveDelay(5);
        drawer.show();
        QVERIFY(showAndWait(drawer, task.id));
        // WHEN the operator types skills, adds a child and picks another column
        auto *skills = drawer.findChild<QLineEdit *>(u"drawer-skills"_s);
        skills->setFocus();
        QTest::keyClicks(skills, u"rust, review"_s);
        QTRY_COMPARE(must(board.queries().task(task.id)).skills, QStringList({u"rust"_s, u"review"_s}));
        auto *child = drawer.findChild<QLineEdit *>(u"drawer-new-child"_s);
        child->setText(other.id);
        QTest::keyClick(child, Qt::Key_Return);
        QTRY_COMPARE(must(board.queries().task(other.id)).parents, QStringList{task.id});
        QCOMPARE(must(board.queries().task(other.id)).status, TaskStatus::Todo);
        QSignalSpy move(&drawer, &TaskDrawer::moveRequested);
        auto *moveTo = drawer.findChild<QComboBox *>(u"drawer-move-to"_s);
        const int done = moveTo->findData(int(TaskStatus::Done));
        QVERIFY(done > 0);
        QVERIFY(moveTo->findData(int(TaskStatus::Running)) < 0);
        Q_EMIT moveTo->activated(done);
        // THEN the move goes to the board (which asks and moves), not straight to the kernel
        QCOMPARE(move.count(), 1);
        QCOMPARE(move.constFirst().at(1).value<TaskStatus>(), TaskStatus::Done);
        // AND a cycle is refused with a reason
        QSignalSpy failed(&fixture.service(), &TaskService::commandFailed);
        auto *parent = drawer.findChild<QLineEdit *>(u"drawer-new-parent"_s);
        parent->setText(other.id);
        QTest::keyClick(parent, Qt::Key_Return);
        QVERIFY(failed.wait());
        QVERIFY(failed.constFirst().constFirst().toString().contains(u"cycle"_s));
    }

    void shouldKeepWhatTheOperatorTypesWhenAWorkerChangesTheTask()
    {
        // GIVEN the operator typing a new title (not saved yet)
        TempBoard board;
        const Task task = must(board.store().create({.title = u"Title"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        TaskDrawer drawer(&fixture.service());
        drawer.setAutoSaveDelay(60 * 60 * 1000);
        drawer.show();
        QVERIFY(showAndWait(drawer, task.id));
        auto *title = drawer.findChild<QLineEdit *>(u"drawer-title"_s);
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, u"Typed by the operator"_s);
        // WHEN a worker changes the title and the body meanwhile
        QSignalSpy shown(&drawer, &TaskDrawer::historyShown);
        must(board.store().edit(task.id, {.title = u"Changed by a worker"_s,
                                          .body = u"new body from the worker"_s}));
        QVERIFY(shown.wait());
        // THEN the field being edited keeps the operator's text; the rest refreshes
        QCOMPARE(title->text(), u"Typed by the operator"_s);
        QVERIFY(drawer.findChild<QTextBrowser *>(u"drawer-body"_s)->toPlainText()
                    .contains(u"new body from the worker"_s));
    }

    void shouldFollowARunningLogWithBoundedMemory()
    {
        // GIVEN a running task whose worker writes a log
        TempBoard board;
        const Task task = must(board.store().create({.title = u"Busy"_s}));
        const Task claimed = must(board.store().claim(task.id, u"worker"_s));
        const QString logPath = QDir(board.home()).filePath(u"run.log"_s);
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Append));
        log.write("first line\n");
        log.flush();
        must(board.store().setRunProcess(*claimed.currentRunId, 4242, logPath));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        TaskDrawer drawer(&fixture.service());
        drawer.show();
        QVERIFY(showAndWait(drawer, task.id));
        auto *view = drawer.findChild<RunLogView *>(u"run-log"_s);
        view->setPollInterval(10);
        QTRY_VERIFY(view->toPlainText().contains(u"first line"_s));
        // WHEN the worker writes more
        log.write("second line\n");
        log.flush();
        // THEN it appears, and the view never keeps more than its bound
        QTRY_VERIFY(view->toPlainText().contains(u"second line"_s));
        QCOMPARE(view->maximumBlockCount(), RunLogView::maxLines);
        for (int i = 0; i < RunLogView::maxLines + 500; ++i)
            log.write("filler line\n");
        log.write("last line\n");
        log.flush();
        QTRY_VERIFY(view->toPlainText().contains(u"last line"_s));
        QVERIFY(view->blockCount() <= RunLogView::maxLines);
    }
};

QTEST_MAIN(TaskDrawerTest)
#include "tst_taskdrawer.moc"
