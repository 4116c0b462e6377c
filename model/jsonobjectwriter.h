#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

// Writes one flat JSON object straight to compact UTF-8, for the event payloads of the
// busiest commands (create, claim, complete). Building a QJsonObject and serialising
// it cost more CPU than the SQL of those commands. The text is what
// QJsonDocument::toJson(Compact) writes for the same object when the keys are added
// in alphabetical order, as QJsonObject keeps them (tests compare the two).
class JsonObjectWriter final
{
public:
    JsonObjectWriter &add(QLatin1StringView key, const QString &value);
    JsonObjectWriter &add(QLatin1StringView key, qint64 value);
    JsonObjectWriter &add(QLatin1StringView key, int value) { return add(key, qint64(value)); }
    JsonObjectWriter &add(QLatin1StringView key, const QStringList &values);
    JsonObjectWriter &addNull(QLatin1StringView key);
    // The contract's way with absent values: an empty text is null.
    JsonObjectWriter &addOrNull(QLatin1StringView key, const QString &value);
    // Ids are strings in the contract.
    JsonObjectWriter &addIdOrNull(QLatin1StringView key, const std::optional<qint64> &id);

    QByteArray toJson() const;

private:
    void beginMember(QLatin1StringView key);
    void appendString(const QString &value);

    QByteArray m_members;
};
