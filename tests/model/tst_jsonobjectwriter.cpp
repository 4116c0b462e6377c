#include "jsonobjectwriter.h"
#include "qanbantest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// JsonObjectWriter: the event payloads it writes are byte for byte what QJsonDocument
// writes for the same object, so readers of the event log cannot tell them apart.
class JsonObjectWriterTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldWriteTextLikeQJsonDocument_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << u"fix the login page"_s;
        QTest::newRow("quote and backslash") << u"say \"hi\" to C:\\temp\\"_s;
        QTest::newRow("short escapes") << u"a\bb\fc\nd\re\tf"_s;
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        controls += QChar(0x7f);
        QTest::newRow("every control character") << controls;
        QTest::newRow("non-ASCII") << u"Größe — 東京 🚀 \u2028 \u2029"_s;
        QTest::newRow("slash and braces") << u"</script> {x:[1,2]}"_s;
    }

    void shouldWriteTextLikeQJsonDocument()
    {
        // GIVEN a text
        QFETCH(QString, text);

        // WHEN it is written by both
        const QByteArray ours = JsonObjectWriter().add("summary"_L1, text).toJson();
        const QByteArray qts =
            QJsonDocument(QJsonObject{{u"summary"_s, text}}).toJson(QJsonDocument::Compact);

        // THEN the bytes agree, and they read back as the text
        QCOMPARE(ours, qts);
        QCOMPARE(QJsonDocument::fromJson(ours).object().value(u"summary"_s).toString(), text);
    }

    void shouldWriteEveryKindOfMemberLikeQJsonDocument()
    {
        // GIVEN a payload with every kind of member, keys in alphabetical order
        const QByteArray ours = JsonObjectWriter()
                                    .addOrNull("assignee"_L1, QString())
                                    .add("count"_L1, qint64(-9007199254740993))
                                    .add("empty"_L1, QStringList())
                                    .add("expires"_L1, 1700000000)
                                    .addNull("nothing"_L1)
                                    .add("parents"_L1, QStringList{u"t_1"_s, u"t \"2\""_s})
                                    .addIdOrNull("run"_L1, qint64(42))
                                    .addIdOrNull("stale"_L1, std::nullopt)
                                    .addOrNull("tenant"_L1, u"acme"_s)
                                    .toJson();

        // WHEN QJsonDocument writes the same object
        const QJsonObject object{
            {u"assignee"_s, QJsonValue::Null},
            {u"count"_s, qint64(-9007199254740993)},
            {u"empty"_s, QJsonArray()},
            {u"expires"_s, 1700000000},
            {u"nothing"_s, QJsonValue::Null},
            {u"parents"_s, QJsonArray{u"t_1"_s, u"t \"2\""_s}},
            {u"run"_s, u"42"_s},
            {u"stale"_s, QJsonValue::Null},
            {u"tenant"_s, u"acme"_s},
        };

        // THEN the bytes agree
        QCOMPARE(ours, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    void shouldWriteAnEmptyObject()
    {
        QCOMPARE(JsonObjectWriter().toJson(), QByteArray("{}"));
    }
};

QANBAN_TEST_MAIN(JsonObjectWriterTest)
#include "tst_jsonobjectwriter.moc"
