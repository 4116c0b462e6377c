#include "cliarguments.h"
#include "qanbantest.h"

using namespace Qt::StringLiterals;

namespace {

// A table shaped like qanbanctl's, with sub-verbs as the dispatcher's profile verbs have.
QList<CliVerb> verbTable()
{
    return {
        {u"create"_s,
         {},
         {u"TITLE"_s},
         {CliOption::text(u"title"_s, u"T"_s), CliOption::repeated(u"skill"_s, u"S"_s),
          CliOption::integer(u"priority"_s), CliOption::flag(u"triage"_s)},
         {},
         {}},
        {u"move"_s, {u"ID"_s, u"STATUS"_s}, {}, {CliOption::text(u"reason"_s, u"R"_s)}, {}, {}},
        {u"block"_s,
         {u"ID"_s},
         {},
         {CliOption::text(u"reason"_s, u"R"_s).required(), CliOption::runId(u"run"_s)},
         {},
         {}},
        {u"tail"_s, {}, {}, {CliOption::count(u"since"_s)}, {}, {}},
        {u"list"_s,
         {},
         {},
         {CliOption::text(u"status"_s, {}).oneOf({u"ready"_s, u"done"_s})},
         {},
         {}},
        {u"profile add"_s, {u"NAME"_s}, {}, {CliOption::repeated(u"arg"_s, u"A"_s)}, {}, {}},
        {u"profile list"_s, {}, {}, {}, {}, {}},
        {u"profile secret set"_s, {u"NAME"_s, u"VAR"_s}, {}, {}, {}, {}},
    };
}

} // namespace

class CliArgumentsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadOptionsInBothForms_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("title");

        QTest::newRow("separate value") << QStringList{u"create"_s, u"--title"_s, u"x"_s}
                                        << u"x"_s;
        QTest::newRow("= form") << QStringList{u"create"_s, u"--title=x"_s} << u"x"_s;
        QTest::newRow("= form, leading dash") << QStringList{u"create"_s, u"--title=-c"_s}
                                              << u"-c"_s;
        QTest::newRow("= form, two dashes") << QStringList{u"create"_s, u"--title=--x"_s}
                                            << u"--x"_s;
        QTest::newRow("= form, equals inside") << QStringList{u"create"_s, u"--title=a=b"_s}
                                               << u"a=b"_s;
        QTest::newRow("= form, empty") << QStringList{u"create"_s, u"--title="_s} << QString();
        QTest::newRow("single dash value") << QStringList{u"create"_s, u"--title"_s, u"-"_s}
                                           << u"-"_s;
    }

    void shouldReadOptionsInBothForms()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, title);

        const CliArguments parsed = CliArguments::parse(arguments, m_verbs);

        QVERIFY2(parsed.isValid(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.verb()->name, u"create"_s);
        QVERIFY(parsed.isSet(u"title"_s));
        QCOMPARE(parsed.value(u"title"_s), title);
    }

    void shouldCollectRepeatedOptionsFlagsAndPositionals()
    {
        const CliArguments parsed = CliArguments::parse(
            {u"create"_s, u"--skill"_s, u"a"_s, u"Title"_s, u"--triage"_s, u"--skill=b"_s,
             u"--priority"_s, u"-2"_s},
            m_verbs);

        QVERIFY2(parsed.isValid(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.values(u"skill"_s), (QStringList{u"a"_s, u"b"_s}));
        QVERIFY(parsed.isSet(u"triage"_s));
        QVERIFY(!parsed.isSet(u"title"_s));
        QCOMPARE(parsed.positionals(), QStringList{u"Title"_s});
        QCOMPARE(parsed.number(u"priority"_s), std::optional<qint64>(-2));
    }

    void shouldAcceptGlobalOptionsAnywhere_data()
    {
        QTest::addColumn<QStringList>("arguments");

        QTest::newRow("before the verb")
            << QStringList{u"--json"_s, u"--home"_s, u"h"_s, u"--db=d"_s, u"tail"_s};
        QTest::newRow("after the verb")
            << QStringList{u"tail"_s, u"--db"_s, u"d"_s, u"--json"_s, u"--home=h"_s};
        QTest::newRow("mixed with the verb's options")
            << QStringList{u"--home=h"_s, u"tail"_s, u"--since"_s, u"3"_s, u"--json"_s,
                           u"--db"_s, u"d"_s};
    }

    void shouldAcceptGlobalOptionsAnywhere()
    {
        QFETCH(QStringList, arguments);

        const CliArguments parsed = CliArguments::parse(arguments, m_verbs);

        QVERIFY2(parsed.isValid(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.verb()->name, u"tail"_s);
        QVERIFY(parsed.isJson());
        QCOMPARE(parsed.home(), u"h"_s);
        QCOMPARE(parsed.database(), u"d"_s);
    }

    void shouldFindVerbsWithSubVerbs_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QStringList>("positionals");

        QTest::newRow("two words") << QStringList{u"profile"_s, u"list"_s} << u"profile list"_s
                                   << QStringList{};
        QTest::newRow("three words with arguments")
            << QStringList{u"profile"_s, u"secret"_s, u"set"_s, u"coder"_s, u"TOKEN"_s}
            << u"profile secret set"_s << QStringList{u"coder"_s, u"TOKEN"_s};
        QTest::newRow("global option between the words")
            << QStringList{u"profile"_s, u"--json"_s, u"add"_s, u"coder"_s, u"--arg=-c"_s}
            << u"profile add"_s << QStringList{u"coder"_s};
    }

    void shouldFindVerbsWithSubVerbs()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, verb);
        QFETCH(QStringList, positionals);

        const CliArguments parsed = CliArguments::parse(arguments, m_verbs);

        QVERIFY2(parsed.isValid(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.verb()->name, verb);
        QCOMPARE(parsed.positionals(), positionals);
    }

    void shouldEndOptionsAtDoubleDash()
    {
        const CliArguments parsed = CliArguments::parse(
            {u"move"_s, u"--reason=r"_s, u"--"_s, u"--id"_s, u"--json"_s}, m_verbs);

        QVERIFY2(parsed.isValid(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.positionals(), (QStringList{u"--id"_s, u"--json"_s}));
        QVERIFY(!parsed.isJson());
    }

    void shouldRejectMistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");

        QTest::newRow("nothing") << QStringList{} << u"no verb given"_s;
        QTest::newRow("unknown verb") << QStringList{u"frob"_s} << u"unknown verb frob"_s;
        QTest::newRow("sub-verb missing") << QStringList{u"profile"_s}
                                          << u"profile needs a sub-verb"_s;
        QTest::newRow("unknown sub-verb") << QStringList{u"profile"_s, u"frob"_s}
                                          << u"unknown sub-verb frob for profile"_s;
        QTest::newRow("unknown option") << QStringList{u"tail"_s, u"--colour"_s}
                                        << u"unknown option --colour for tail"_s;
        QTest::newRow("short option") << QStringList{u"tail"_s, u"-f"_s}
                                      << u"unknown option -f (options are long: --name)"_s;
        QTest::newRow("verb option before the verb")
            << QStringList{u"--since"_s, u"1"_s, u"tail"_s}
            << u"unknown option --since before the verb"_s;
        QTest::newRow("missing value at the end") << QStringList{u"create"_s, u"--title"_s}
                                                  << u"--title needs a value"_s;
        QTest::newRow("option where a value belongs")
            << QStringList{u"create"_s, u"--title"_s, u"--triage"_s} << u"--title needs a value"_s;
        QTest::newRow("flag with a value") << QStringList{u"create"_s, u"--triage=1"_s}
                                           << u"--triage takes no value"_s;
        QTest::newRow("--json with a value") << QStringList{u"tail"_s, u"--json=1"_s}
                                             << u"--json takes no value"_s;
        QTest::newRow("value twice") << QStringList{u"create"_s, u"--title=a"_s, u"--title=b"_s}
                                     << u"--title is given more than once"_s;
        QTest::newRow("not an integer") << QStringList{u"create"_s, u"--priority"_s, u"high"_s}
                                        << u"--priority needs an integer, not high"_s;
        QTest::newRow("integer too large")
            << QStringList{u"create"_s, u"--priority=2147483648"_s}
            << u"--priority needs an integer, not 2147483648"_s;
        QTest::newRow("negative count") << QStringList{u"tail"_s, u"--since=-1"_s}
                                        << u"--since needs an integer of 0 or more, not -1"_s;
        QTest::newRow("run id zero") << QStringList{u"block"_s, u"t"_s, u"--reason=r"_s,
                                                    u"--run=0"_s}
                                     << u"--run needs a run id (an integer), not 0"_s;
        QTest::newRow("not a choice") << QStringList{u"list"_s, u"--status"_s, u"doing"_s}
                                      << u"--status must be one of ready, done, not doing"_s;
        QTest::newRow("missing positional") << QStringList{u"move"_s, u"t"_s}
                                            << u"move needs STATUS"_s;
        QTest::newRow("extra positional")
            << QStringList{u"move"_s, u"t"_s, u"done"_s, u"now"_s}
            << u"move takes no argument now (quote a value that has spaces)"_s;
        QTest::newRow("required option") << QStringList{u"block"_s, u"t"_s}
                                         << u"block needs --reason"_s;
        QTest::newRow("empty --home") << QStringList{u"tail"_s, u"--home="_s}
                                      << u"--home needs a value"_s;
    }

    void shouldRejectMistakes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);

        const CliArguments parsed = CliArguments::parse(arguments, m_verbs);

        QVERIFY(!parsed.isValid());
        QVERIFY2(parsed.errorMessage().startsWith(message), qPrintable(parsed.errorMessage()));
    }

    void shouldAnswerHelpWithoutTheVerbsArguments()
    {
        const CliArguments parsed = CliArguments::parse({u"block"_s, u"--help"_s}, m_verbs);

        QVERIFY(parsed.isValid());
        QVERIFY(parsed.isHelpRequested());
        QCOMPARE(parsed.verb()->name, u"block"_s);
    }

    void shouldWriteASynopsis()
    {
        const QList<CliVerb> verbs = verbTable();
        QCOMPARE(verbs.at(0).synopsis(),
                 u"create [TITLE] [--title T] [--skill S]... [--priority N] [--triage]"_s);
        QCOMPARE(verbs.at(2).synopsis(), u"block ID --reason R [--run RUN]"_s);
        QCOMPARE(verbs.at(4).synopsis(), u"list [--status ready|done]"_s);
    }

private:
    // The parse result points into the table, so the table outlives every test.
    const QList<CliVerb> m_verbs = verbTable();
};

QANBAN_TEST_MAIN(CliArgumentsTest)
#include "tst_cliarguments.moc"
