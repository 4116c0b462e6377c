#include "jsonobjectwriter.h"

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

} // namespace

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, const QString &value)
{
    beginMember(key);
    appendString(value);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, qint64 value)
{
    beginMember(key);
    m_members += QByteArray::number(value);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, const QStringList &values)
{
    beginMember(key);
    m_members += '[';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_members += ',';
        appendString(values.at(i));
    }
    m_members += ']';
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addNull(QLatin1StringView key)
{
    beginMember(key);
    m_members += "null";
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addOrNull(QLatin1StringView key, const QString &value)
{
    return value.isEmpty() ? addNull(key) : add(key, value);
}

JsonObjectWriter &JsonObjectWriter::addIdOrNull(QLatin1StringView key,
                                                const std::optional<qint64> &id)
{
    return id ? add(key, QString::number(*id)) : addNull(key);
}

QByteArray JsonObjectWriter::toJson() const
{
    return '{' + m_members + '}';
}

void JsonObjectWriter::beginMember(QLatin1StringView key)
{
    if (!m_members.isEmpty())
        m_members += ',';
    m_members += '"';
    m_members += QByteArrayView(key.data(), key.size()); // keys are plain ASCII names
    m_members += "\":";
}

void JsonObjectWriter::appendString(const QString &value)
{
    // Escapes as QJsonDocument does: the quote, the backslash and control characters;
    // everything else, non-ASCII included, is written as UTF-8.
    const QByteArray utf8 = value.toUtf8();
    m_members.reserve(m_members.size() + utf8.size() + 2);
    m_members += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '"': m_members += "\\\""; break;
        case '\\': m_members += "\\\\"; break;
        case '\b': m_members += "\\b"; break;
        case '\f': m_members += "\\f"; break;
        case '\n': m_members += "\\n"; break;
        case '\r': m_members += "\\r"; break;
        case '\t': m_members += "\\t"; break;
        default:
            if (byte < 0x20) {
                m_members += "\\u00";
                m_members += hexDigits[byte >> 4];
                m_members += hexDigits[byte & 0xf];
            } else {
                m_members += c;
            }
        }
    }
    m_members += '"';
}
