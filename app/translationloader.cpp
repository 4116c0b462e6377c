#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
const auto qanbanCatalogueDir = u":/i18n"_s;
}

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent), m_qtBase(new QTranslator(this)), m_qanban(new QTranslator(this))
{
}

bool TranslationLoader::load(const QLocale &locale)
{
    unload();
    // QTranslator::load(QLocale, ...) walks locale.uiLanguages(), so LANGUAGE=de:fr and
    // de_AT both end up at the _de catalogue.
    if (m_qtBase->load(locale, u"qtbase"_s, u"_"_s,
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(m_qtBase);
    }
    const bool found = m_qanban->load(locale, u"qanban"_s, u"_"_s, qanbanCatalogueDir);
    if (found || m_qanban->load(u"qanban_en"_s, qanbanCatalogueDir))
        QCoreApplication::installTranslator(m_qanban);
    return found;
}

QString TranslationLoader::qanbanFile() const
{
    return m_qanban->filePath();
}

QString TranslationLoader::qtBaseFile() const
{
    return m_qtBase->filePath();
}

void TranslationLoader::unload()
{
    // Removing a translator that was never installed is a harmless no-op.
    QCoreApplication::removeTranslator(m_qanban);
    QCoreApplication::removeTranslator(m_qtBase);
}
