// tscheck: runs lupdate over the sources the desktop board translates and fails when a
// .ts file lags behind them. Used by the i18n ctest; see translations/README.md.
//
//   tscheck --lupdate LUPDATE --sources LIST [--complete TS]... [--plurals TS]...
//
// --complete: every source text must be finished there, with the source's placeholders.
// --plurals:  only the %n (numerus) texts must be (qanban_en.ts exists for those alone).

#include "tscatalogue.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void print(const QString &line)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(line));
}

// lupdate over the listed files into a fresh .ts; its warnings (a tr() it cannot place
// in a class, a missing Q_OBJECT) mean texts the runtime would look up elsewhere.
bool extract(const QString &lupdate, const QString &listPath, const QString &output,
             QStringList &problems)
{
    QFile list(listPath);
    if (!list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        problems << u"cannot read the source list %1: %2"_s.arg(listPath, list.errorString());
        return false;
    }
    QStringList arguments;
    QSet<QString> includeDirs;
    int files = 0;
    for (const QByteArray &raw : list.readAll().split('\n')) {
        const QString path = QString::fromUtf8(raw).trimmed();
        if (path.isEmpty())
            continue;
        arguments << path;
        includeDirs.insert(QFileInfo(path).absolutePath());
        ++files;
    }
    if (files == 0) {
        problems << u"the source list %1 is empty"_s.arg(listPath);
        return false;
    }
    for (const QString &dir : std::as_const(includeDirs))
        arguments << u"-I"_s << dir;
    arguments << u"-locations"_s << u"none"_s << u"-no-obsolete"_s << u"-ts"_s << output;

    QProcess process;
    process.start(lupdate, arguments);
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        problems << u"lupdate failed (%1): %2"_s.arg(
            process.errorString(), QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    const QString diagnostics = QString::fromLocal8Bit(process.readAllStandardError());
    for (const QString &line : diagnostics.split(u'\n', Qt::SkipEmptyParts)) {
        // Progress lines ("Updating...", "Found N source text(s)") are not problems.
        if (!line.startsWith(u"Updating"_s) && !line.trimmed().startsWith(u"Found"_s))
            problems << u"lupdate: %1"_s.arg(line.trimmed());
    }
    return true;
}

QStringList compare(const TsCatalogue &sources, const QString &tsPath, bool pluralsOnly)
{
    TsCatalogue catalogue;
    if (!catalogue.load(tsPath))
        return {catalogue.errorString()};
    const QString name = QFileInfo(tsPath).fileName();
    QStringList problems;
    for (const TsCatalogue::Message &source : sources.messages()) {
        if (pluralsOnly && !source.numerus)
            continue;
        const TsCatalogue::Message *translated = catalogue.find(source.key());
        if (!translated) {
            problems << u"%1 lacks %2"_s.arg(name, source.describe());
            continue;
        }
        if (!translated->isFinished()) {
            problems << u"%1 has no finished translation of %2"_s.arg(name, source.describe());
            continue;
        }
        if (translated->numerus != source.numerus) {
            problems << u"%1 has %2 %3"_s.arg(name,
                                              source.numerus ? u"no plural forms for"_s
                                                             : u"plural forms for"_s,
                                              source.describe());
            continue;
        }
        const QStringList expected = TsCatalogue::placeholders(source.source);
        for (const QString &form : translated->translations) {
            const QStringList found = TsCatalogue::placeholders(form);
            if (found != expected) {
                problems << u"%1 translates %2 as \"%3\": placeholders %4, the source has %5"_s
                                .arg(name, source.describe(), form,
                                     found.join(u' ').isEmpty() ? u"none"_s : found.join(u' '),
                                     expected.join(u' ').isEmpty() ? u"none"_s
                                                                   : expected.join(u' '));
            }
        }
    }
    int stale = 0;
    for (const TsCatalogue::Message &message : catalogue.messages()) {
        if (message.type.isEmpty() && !sources.find(message.key()))
            ++stale;
    }
    if (stale > 0) {
        print(u"note: %1 has %2 translated text(s) no longer in the sources; "
              "update_translations drops them"_s.arg(name).arg(stale));
    }
    return problems;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption lupdateOption(u"lupdate"_s, u"The lupdate to run."_s, u"PATH"_s);
    const QCommandLineOption sourcesOption(u"sources"_s, u"One source file a line."_s,
                                           u"LIST"_s);
    const QCommandLineOption completeOption(u"complete"_s, u"A fully translated .ts."_s,
                                            u"TS"_s);
    const QCommandLineOption pluralsOption(u"plurals"_s, u"A .ts for %n texts only."_s,
                                           u"TS"_s);
    parser.addOptions({lupdateOption, sourcesOption, completeOption, pluralsOption});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(lupdateOption) || !parser.isSet(sourcesOption)) {
        print(u"tscheck: --lupdate and --sources are required"_s);
        return 2;
    }

    QTemporaryDir work;
    const QString extracted = work.filePath(u"sources.ts"_s);
    QStringList problems;
    if (!extract(parser.value(lupdateOption), parser.value(sourcesOption), extracted,
                 problems)) {
        for (const QString &problem : std::as_const(problems))
            print(u"FAIL: "_s + problem);
        return 1;
    }
    TsCatalogue sources;
    if (!sources.load(extracted)) {
        print(u"FAIL: "_s + sources.errorString());
        return 1;
    }
    for (const QString &ts : parser.values(completeOption))
        problems << compare(sources, ts, false);
    for (const QString &ts : parser.values(pluralsOption))
        problems << compare(sources, ts, true);

    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            print(u"FAIL: "_s + problem);
        print(u"%1 problem(s). Run `cmake --build <build dir> --target update_translations`, "
              "translate the new texts (translations/README.md) and build again."_s
                  .arg(problems.size()));
        return 1;
    }
    print(u"PASS: %1 source text(s), every one translated"_s.arg(sources.messages().size()));
    return 0;
}
