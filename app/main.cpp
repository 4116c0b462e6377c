#include "boardhome.h"
#include "boardmodel.h"
#include "boardsettings.h"
#include "dispatcherbar.h"
#include "dispatcherhost.h"
#include "keychainprofiledirectory.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "taskservice.h"
#include "translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TranslationLoader translations;
    translations.load(QLocale::system());
    QApplication::setApplicationName(u"qanban"_s);
    QApplication::setApplicationDisplayName(u"Qanban"_s);
    QApplication::setApplicationVersion(QStringLiteral(QANBAN_VERSION));
    QApplication::setDesktopFileName(u"io.github.qanban.Qanban"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Qanban: the board for fleets of AI-agent workers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption homeOption(
        u"home"_s, QCoreApplication::translate("main", "The board's home folder."), u"DIR"_s);
    const QCommandLineOption dbOption(
        u"db"_s, QCoreApplication::translate("main", "The board database."), u"PATH"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QCoreApplication::translate(
            "main", "Save a picture of the window once the board is loaded, then quit."),
        u"PNG"_s);
    parser.addOptions({homeOption, dbOption, screenshotOption});
    parser.process(app);

    const BoardHome home = BoardHome::resolve(parser.value(homeOption));
    QString databasePath = parser.value(dbOption);
    if (databasePath.isEmpty())
        databasePath = qEnvironmentVariable("QANBAN_DB");
    if (databasePath.isEmpty())
        databasePath = home.databasePath();

    TaskService service(QDir().absoluteFilePath(databasePath));
    BoardModel model(&service);
    MainWindow window(&service, &model);
    BoardSettings settings(home.configPath());
    window.setSettings(&settings);
    SecretStore secrets;
    KeychainProfileDirectory profiles(home.profilesDir(), &secrets);
    window.setProfileDirectory(&profiles);

    // The dispatcher runs in its own thread; the window shows what it does.
    Dispatcher::Options dispatch;
    dispatch.home = home.root();
    dispatch.databasePath = QDir().absoluteFilePath(databasePath);
    QStringList configWarnings;
    dispatch.config = DispatcherConfig::load(home.configPath(), &configWarnings);
    DispatcherHost dispatcher(dispatch);
    DispatcherBar *bar = window.dispatcherBar();
    QObject::connect(bar, &DispatcherBar::pauseRequested, &dispatcher, &DispatcherHost::setPaused);
    QObject::connect(bar, &DispatcherBar::dispatchNowRequested, &dispatcher,
                     &DispatcherHost::dispatchNow);
    QObject::connect(&dispatcher, &DispatcherHost::loadChanged, bar, &DispatcherBar::setLoad);
    QObject::connect(&dispatcher, &DispatcherHost::loadChanged, &model,
                     [&model](int, int, bool paused) { model.setDispatchPaused(paused); });
    QObject::connect(&dispatcher, &DispatcherHost::waitingReasonsChanged, &model,
                     &BoardModel::setWaitingReasons);
    QObject::connect(&dispatcher, &DispatcherHost::stuckWarning, &window, &MainWindow::showBanner);
    QObject::connect(&dispatcher, &DispatcherHost::failed, &window, [&window, bar](const QString &why) {
        bar->setUnavailable(why);
        window.showMessage(why);
    });
    if (!configWarnings.isEmpty())
        window.showMessage(configWarnings.join(u"; "_s));
    // Workers are stopped before the window and the board go away.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &dispatcher, &DispatcherHost::stop);
    window.setWindowTitle(u"Qanban — %1"_s.arg(QDir::toNativeSeparators(databasePath)));
    QObject::connect(&service, &TaskService::openFailed, &app, [](const QString &message) {
        std::fprintf(stderr, "qanban: error: %s\n", qUtf8Printable(message));
    });

    const QString screenshot = parser.value(screenshotOption);
    if (!screenshot.isEmpty()) {
        QObject::connect(&model, &BoardModel::loaded, &window, [&window, screenshot] {
            // Let the views lay the cards out and paint before grabbing.
            QTimer::singleShot(400, &window, [&window, screenshot] {
                const bool saved = window.grab().save(screenshot);
                QApplication::exit(saved ? 0 : 1);
            });
        });
        QObject::connect(&service, &TaskService::openFailed, &app, [] { QApplication::exit(1); });
    }

    service.start();
    dispatcher.start();
    window.show();
    return app.exec();
}
