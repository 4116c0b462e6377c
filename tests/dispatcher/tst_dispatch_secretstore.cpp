#include "dispatchtesthelpers.h"
#include "profilecommand.h"
#include "qanbantest.h"
#include "secretstore.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace DispatchTest;

// Secrets against a real keychain. ctest runs this twice: under run-with-keyring.sh (a
// private session bus with an unlocked gnome-keyring; QANBAN_TEST_KEYCHAIN=available) and
// with no session bus at all (QANBAN_TEST_KEYCHAIN=unavailable). Each function runs in
// the setting it is about and is skipped in the other.
class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    static bool keychainAvailable()
    {
        return qEnvironmentVariable("QANBAN_TEST_KEYCHAIN") == "available"_L1;
    }

    static QString uniqueSecret()
    {
        return u"s3cr3t-%1"_s.arg(QRandomGenerator::global()->generate64(), 16, 16,
                                  QLatin1Char('0'));
    }

    template <typename T>
    static Result<T> wait(const std::function<void(std::function<void(const Result<T> &)>)> &call)
    {
        Result<T> outcome = makeError(ErrorCode::Io, u"no answer"_s);
        bool answered = false;
        call([&](const Result<T> &result) {
            outcome = result;
            answered = true;
        });
        if (!QTest::qWaitFor([&] { return answered; }, 10000))
            return makeError(ErrorCode::Io, u"the keychain did not answer in time"_s);
        return outcome;
    }

    // Files under folder whose bytes contain text.
    static QStringList filesContaining(const QString &folder, const QByteArray &text)
    {
        QStringList found;
        QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (readAll(path).contains(text))
                found << path;
        }
        return found;
    }

private Q_SLOTS:
    void shouldWriteReadAndRemove()
    {
        if (!keychainAvailable())
            QSKIP("needs the keyring session (run-with-keyring.sh)");
        SecretStore store;
        const QString value = uniqueSecret();
        const Result<void> written = wait<void>([&](auto done) {
            store.write(u"coder"_s, u"API_TOKEN"_s, value, done);
        });
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const Result<SecretStore::Values> read = wait<SecretStore::Values>([&](auto done) {
            store.read(u"coder"_s, {u"API_TOKEN"_s}, done);
        });
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->first().first, u"API_TOKEN"_s);
        QCOMPARE(read->first().second, value);
        QVERIFY(wait<void>([&](auto done) { store.remove(u"coder"_s, u"API_TOKEN"_s, done); })
                    .ok());
        const Result<SecretStore::Values> gone = wait<SecretStore::Values>([&](auto done) {
            store.read(u"coder"_s, {u"API_TOKEN"_s}, done);
        });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY(gone.error().message.contains(u"profile secret set"_s));
        // Removing what is not there is fine.
        QVERIFY(wait<void>([&](auto done) { store.remove(u"coder"_s, u"API_TOKEN"_s, done); })
                    .ok());
    }

    void shouldPassSecretToWorkerAndNowhereElse()
    {
        if (!keychainAvailable())
            QSKIP("needs the keyring session (run-with-keyring.sh)");
        // GIVEN a profile whose secret is set through the profile command
        TempBoard board;
        Profile profile = fakeProfile(u"agent"_s, {u"env"_s, u"{workspace}/env.txt"_s});
        profile.secrets = {u"API_TOKEN"_s};
        ProfileCommand command(board.home());
        QVERIFY(command.add(profile).ok());
        const QString value = uniqueSecret();
        Result<Profile> set = command.setSecret(u"agent"_s, u"API_TOKEN"_s, value);
        QVERIFY2(set.ok(), qPrintable(set.error().message));
        const QString id = readyTask(board, u"agent"_s);
        // WHEN the dispatcher starts its worker
        Dispatcher dispatcher(options(board));
        QVERIFY(dispatcher.open().ok());
        QSignalSpy settled(&dispatcher, &Dispatcher::spawnsSettled);
        const DispatchResult result = dispatcher.tick();
        QCOMPARE(result.spawned.size(), 1);
        QVERIFY(settled.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(task(board, id).status, TaskStatus::Done, 10000);
        // THEN the worker got the value in its environment
        const QString workspace = task(board, id).workspacePath;
        QVERIFY(readAll(QDir(workspace).filePath(u"env.txt"_s))
                    .contains((u"API_TOKEN="_s + value).toUtf8()));
        // AND it is nowhere else: not the database, the logs, the profile, the result
        const QByteArray needle = value.toUtf8();
        QVERIFY(!board.snapshot().contains(needle));
        QVERIFY(filesContaining(BoardHome(board.home()).logsDir(), needle).isEmpty());
        QVERIFY(filesContaining(BoardHome(board.home()).profilesDir(), needle).isEmpty());
        QVERIFY(!readAll(BoardHome(board.home()).configPath()).contains(needle));
        QVERIFY(!QJsonDocument(result.toJson()).toJson().contains(needle));
        QVERIFY(command.removeSecret(u"agent"_s, u"API_TOKEN"_s).ok());
    }

    void shouldFailSpawnWhenSecretIsNotSet()
    {
        if (!keychainAvailable())
            QSKIP("needs the keyring session (run-with-keyring.sh)");
        TempBoard board;
        Profile profile = fakeProfile(u"agent"_s, {u"complete"_s});
        profile.secrets = {u"NEVER_SET"_s};
        writeProfile(board, profile);
        const QString id = readyTask(board, u"agent"_s, 0, 5);
        Dispatcher dispatcher(options(board));
        QVERIFY(dispatcher.open().ok());
        QSignalSpy settled(&dispatcher, &Dispatcher::spawnsSettled);
        QCOMPARE(dispatcher.tick().spawned.size(), 1);
        QVERIFY(settled.wait(10000));
        const Run run = runs(board, id).constLast();
        QCOMPARE(run.outcome, u"spawn_failed"_s);
        QVERIFY(run.error.contains(u"NEVER_SET"_s));
        QCOMPARE(task(board, id).status, TaskStatus::Ready);
    }

    void shouldFailOnlySecretProfilesWithoutKeychain()
    {
        if (keychainAvailable())
            QSKIP("runs without a session bus");
        // GIVEN no keychain, a profile that needs a secret and one that does not
        TempBoard board;
        Profile needy = fakeProfile(u"needy"_s, {u"complete"_s});
        needy.secrets = {u"API_TOKEN"_s};
        writeProfile(board, needy);
        writeProfile(board, fakeProfile(u"plain"_s, {u"complete"_s}));
        const QString needyTask = readyTask(board, u"needy"_s, 5, 5);
        const QString plainTask = readyTask(board, u"plain"_s, 1);
        Dispatcher dispatcher(options(board));
        QVERIFY(dispatcher.open().ok());
        QSignalSpy settled(&dispatcher, &Dispatcher::spawnsSettled);
        QCOMPARE(dispatcher.tick().spawned.size(), 2);
        QVERIFY(settled.wait(10000));
        // THEN the first fails to spawn with a clear reason, on the run and in the log
        const Run run = runs(board, needyTask).constLast();
        QCOMPARE(run.outcome, u"spawn_failed"_s);
        QVERIFY2(run.error.contains(u"keychain is unavailable"_s), qPrintable(run.error));
        const QString log = BoardHome(board.home()).runLogPath(needyTask, run.id);
        QVERIFY(readAll(log).contains("keychain is unavailable"));
        QCOMPARE(task(board, needyTask).consecutiveFailures, 1);
        // AND the profile without secrets keeps working
        QTRY_COMPARE_WITH_TIMEOUT(task(board, plainTask).status, TaskStatus::Done, 10000);
        // AND setting a secret fails instead of falling back to plain text
        ProfileCommand command(board.home());
        QVERIFY(!command.setSecret(u"needy"_s, u"API_TOKEN"_s, u"x"_s).ok());
        QVERIFY(filesContaining(board.home(), "API_TOKEN=x").isEmpty());
    }
};

QANBAN_TEST_MAIN(TestSecretStore)
#include "tst_dispatch_secretstore.moc"
