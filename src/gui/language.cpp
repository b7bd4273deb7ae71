// Language: QTranslator for nft-tracer's catalogue (:/i18n) and Qt's own (standard dialogs).
#include "language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace nt {

Language::Language(QObject *parent) : QObject(parent) {}

Language::~Language() {
    if (appInstalled_) {
        QCoreApplication::removeTranslator(&app_);
    }
    if (qtInstalled_) {
        QCoreApplication::removeTranslator(&qt_);
    }
}

bool Language::setLanguage(const QString &code) {
    if (appInstalled_) {
        QCoreApplication::removeTranslator(&app_);
        appInstalled_ = false;
    }
    if (qtInstalled_) {
        QCoreApplication::removeTranslator(&qt_);
        qtInstalled_ = false;
    }
    code_ = code;
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    bool ok = true;
    // The English catalogue is the source text: loading it is harmless and keeps plurals right.
    if (app_.load(locale, QStringLiteral("nft-tracer"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        appInstalled_ = QCoreApplication::installTranslator(&app_);
        effective_ = app_.language().left(2);
    } else {
        effective_ = QStringLiteral("en");
        ok = code.isEmpty() || code == QLatin1String("en");
    }
    if (qt_.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtInstalled_ = QCoreApplication::installTranslator(&qt_);
    }
    if (!appInstalled_ && !qtInstalled_) {
        // No translator changed, but widgets built in another language must still update.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    return ok;
}

QString Language::savedLanguage() {
    return QSettings().value(QStringLiteral("language")).toString();
}

void Language::saveLanguage(const QString &code) {
    QSettings().setValue(QStringLiteral("language"), code);
}

} // namespace nt
