#include "taskmimedata.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace TaskMimeData {

namespace {
constexpr quint32 formatVersion = 1;
constexpr int maxIds = 100000;
}

QMimeData *encode(const QStringList &taskIds)
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << formatVersion << taskIds;
    auto *data = new QMimeData;
    data->setData(QLatin1StringView(mimeType), bytes);
    data->setText(taskIds.join(QLatin1Char(' ')));
    return data;
}

QStringList decode(const QMimeData *data)
{
    if (!data || !data->hasFormat(QLatin1StringView(mimeType)))
        return {};
    QDataStream stream(data->data(QLatin1StringView(mimeType)));
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 version = 0;
    stream >> version;
    if (version != formatVersion)
        return {};
    QStringList ids;
    stream >> ids;
    if (stream.status() != QDataStream::Ok || ids.size() > maxIds)
        return {};
    ids.removeAll(QString());
    return ids;
}

} // namespace TaskMimeData
