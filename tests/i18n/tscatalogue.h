#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The messages of one Qt Linguist .ts file, read with QXmlStreamReader. A message is
// identified the way lupdate and QTranslator identify it: context, source text and
// disambiguating comment.
class TsCatalogue final
{
public:
    struct Message
    {
        QString context;
        QString source;
        QString comment;
        bool numerus = false;
        // "", "unfinished", "vanished" or "obsolete": the <translation> type attribute.
        QString type;
        // One entry for a plain message, one per plural form for a numerus message.
        QStringList translations;

        QString key() const;
        // "Context: source" with the comment, for error messages.
        QString describe() const;
        // The translation counts: present, not unfinished or dropped, and no form empty.
        bool isFinished() const;
    };

    // False with errorString() set when the file cannot be read or is not a .ts file.
    bool load(const QString &path);
    QString errorString() const { return m_error; }

    const QList<Message> &messages() const { return m_messages; }
    const Message *find(const QString &key) const;

    // The placeholders %1..%99 and %n a text uses; %L1 counts as %1.
    static QStringList placeholders(const QString &text);

private:
    QList<Message> m_messages;
    QHash<QString, qsizetype> m_index;
    QString m_error;
};
