#pragma once

#include <QLocale>
#include <QObject>

class QTranslator;

// Installs the desktop board's translations for one locale on the application: Qt's own
// catalogue (qtbase_<lang>, for standard buttons and dialogs) when the system has it, and
// Qanban's from the :/i18n resources. Locales without a Qanban catalogue get the English
// one, which only carries the %n plural forms ("1 comment", "2 comments"). The translators
// stay installed as long as the loader lives (a QTranslator uninstalls itself when
// deleted); create it before any widget so the first texts are already translated.
class TranslationLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranslationLoader)

public:
    explicit TranslationLoader(QObject *parent = nullptr);

    // Replaces whatever an earlier call installed. Returns whether Qanban's catalogue for
    // the locale itself (not the English fallback) was found.
    bool load(const QLocale &locale = QLocale::system());

    // The catalogues installed by the last load(); empty when none was.
    QString qanbanFile() const;
    QString qtBaseFile() const;

private:
    void unload();

    QTranslator *m_qtBase;
    QTranslator *m_qanban;
};
