#include "boardfixture.h"
#include "dialogprovider.h"
#include "mainwindow.h"
#include "taskdrawer.h"
#include "taskmimedata.h"

#include <QLineEdit>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

class AnsweringDialogs final : public DialogProvider
{
public:
    std::optional<QString> askNote(TaskStatus, const QStringList &) override
    {
        return u"needs a key"_s;
    }
    bool confirmStop(const QStringList &) override { return true; }
    std::optional<QString> askAssignee(const QStringList &, const QStringList &) override
    {
        return u"coder"_s;
    }
};

QString columnOf(BoardModel &model, TaskStatus status)
{
    QStringList titles;
    const QModelIndex column = model.columnIndex(status);
    for (int row = 0; row < model.rowCount(column); ++row)
        titles << model.index(row, 0, column).data(BoardModel::TitleRole).toString();
    return titles.join(u',');
}

} // namespace

class UndoStackTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldUndoAndRedoMovesThroughTheKernel()
    {
        // GIVEN the board window over three ready cards
        TempBoard board;
        const Task a = must(board.store().create({.title = u"A"_s}));
        must(board.store().create({.title = u"B"_s}));
        must(board.store().create({.title = u"C"_s}));
        TaskService service(board.databasePath());
        BoardModel model(&service);
        MainWindow window(&service, &model);
        window.setDialogProvider(std::make_unique<AnsweringDialogs>());
        QSignalSpy loaded(&model, &BoardModel::loaded);
        service.start();
        QVERIFY(loaded.wait());
        // WHEN A is dropped on Blocked (the operator gives a reason) and C is moved to the top
        std::unique_ptr<QMimeData> dragA(TaskMimeData::encode({a.id}));
        QVERIFY(model.dropMimeData(dragA.get(), Qt::MoveAction, -1, 0,
                                   model.columnIndex(TaskStatus::Blocked)));
        QTRY_COMPARE(columnOf(model, TaskStatus::Blocked), u"A"_s);
        const QString c = model.index(1, 0, model.columnIndex(TaskStatus::Ready))
                              .data(BoardModel::IdRole).toString();
        QVERIFY(model.moveCards({c}, TaskStatus::Ready,
                                model.index(0, 0, model.columnIndex(TaskStatus::Ready))
                                    .data(BoardModel::IdRole).toString()));
        QTRY_COMPARE(columnOf(model, TaskStatus::Ready), u"C,B"_s);
        QCOMPARE(window.undoStack()->count(), 2);
        // THEN undo puts C back, then A back into Ready above B, and redo blocks A again
        window.undoStack()->undo();
        QTRY_COMPARE(columnOf(model, TaskStatus::Ready), u"B,C"_s);
        window.undoStack()->undo();
        QTRY_COMPARE(columnOf(model, TaskStatus::Ready), u"A,B,C"_s);
        QCOMPARE(must(board.queries().task(a.id)).status, TaskStatus::Ready);
        window.undoStack()->redo();
        QTRY_COMPARE(columnOf(model, TaskStatus::Blocked), u"A"_s);
        QCOMPARE(must(board.queries().task(a.id)).blockReason, u"needs a key"_s);
    }

    void shouldUndoAnEditFromTheDrawer()
    {
        TempBoard board;
        const Task a = must(board.store().create({.title = u"Before"_s}));
        TaskService service(board.databasePath());
        BoardModel model(&service);
        MainWindow window(&service, &model);
        window.drawer()->setAutoSaveDelay(5);
        QSignalSpy loaded(&model, &BoardModel::loaded);
        service.start();
        window.show();
        QVERIFY(loaded.wait());
        QSignalSpy shown(window.drawer(), &TaskDrawer::historyShown);
        window.openTask(a.id);
        QVERIFY(shown.wait());
        auto *title = window.drawer()->findChild<QLineEdit *>(u"drawer-title"_s);
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, u"After"_s);
        QTRY_COMPARE(must(board.queries().task(a.id)).title, u"After"_s);
        QCOMPARE(window.undoStack()->count(), 1);
        window.undoStack()->undo();
        QTRY_COMPARE(must(board.queries().task(a.id)).title, u"Before"_s);
    }
};

QTEST_MAIN(UndoStackTest)
#include "tst_undostack.moc"
