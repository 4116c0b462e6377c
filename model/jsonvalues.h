#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

// The contract writes absent values as null and ids as strings.
namespace JsonValues {

inline QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

template <typename Number>
QJsonValue orNull(const std::optional<Number> &number)
{
    return number ? QJsonValue(static_cast<qint64>(*number)) : QJsonValue(QJsonValue::Null);
}

inline QJsonValue idOrNull(const std::optional<qint64> &id)
{
    return id ? QJsonValue(QString::number(*id)) : QJsonValue(QJsonValue::Null);
}

} // namespace JsonValues
