#include "tscatalogue.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

QString TsCatalogue::Message::key() const
{
    return context + u'\x1f' + source + u'\x1f' + comment;
}

QString TsCatalogue::Message::describe() const
{
    QString text = u"%1: \"%2\""_s.arg(context, source);
    if (!comment.isEmpty())
        text += u" (comment \"%1\")"_s.arg(comment);
    return text;
}

bool TsCatalogue::Message::isFinished() const
{
    if (!type.isEmpty() || translations.isEmpty())
        return false;
    return std::none_of(translations.cbegin(), translations.cend(),
                        [](const QString &form) { return form.isEmpty(); });
}

bool TsCatalogue::load(const QString &path)
{
    m_messages.clear();
    m_index.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            if (xml.isEndElement() && xml.name() == "message"_L1) {
                inMessage = false;
                m_index.insert(message.key(), m_messages.size());
                m_messages.append(message);
            }
            continue;
        }
        const auto name = xml.name();
        if (name == "name"_L1 && !inMessage) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            inMessage = true;
            message = Message{.context = context,
                              .numerus = xml.attributes().value("numerus"_L1) == "yes"_L1};
        } else if (inMessage && name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (inMessage && name == "comment"_L1) {
            message.comment = xml.readElementText();
        } else if (inMessage && name == "translation"_L1) {
            message.type = xml.attributes().value("type"_L1).toString();
            if (!message.numerus)
                message.translations = {xml.readElementText()};
        } else if (inMessage && name == "numerusform"_L1) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError()) {
        m_error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

const TsCatalogue::Message *TsCatalogue::find(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.constEnd() ? nullptr : &m_messages.at(*it);
}

QStringList TsCatalogue::placeholders(const QString &text)
{
    // What QString::arg() and tr()'s %n replace: %1..%99, optionally localised as %L1.
    static const QRegularExpression pattern(u"%L?(\\d{1,2}|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text)) {
        const QString placeholder = u'%' + match.captured(1);
        if (!found.contains(placeholder))
            found.append(placeholder);
    }
    found.sort();
    return found;
}
