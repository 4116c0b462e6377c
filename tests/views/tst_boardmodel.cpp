#include "boardmodel.h"
#include "taskservice.h"
#include "tempboard.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class BoardModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(BoardModelTest)
#include "tst_boardmodel.moc"
