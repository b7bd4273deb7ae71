// The UI language: the system locale by default, English or Vietnamese on request; switching
// reloads the translators and Qt sends LanguageChange to every widget.
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace nt {

class Language : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject *parent = nullptr);
    ~Language() override;

    // "" follows the system locale; "en", "vi". Returns false when the catalogue for the
    // language cannot be loaded (English is then used).
    bool setLanguage(const QString &code);
    QString language() const { return code_; }
    // The locale actually in use ("en", "vi").
    QString effectiveLanguage() const { return effective_; }

    // The setting saved in QSettings ("language"), applied at start.
    static QString savedLanguage();
    static void saveLanguage(const QString &code);

private:
    QTranslator app_;
    QTranslator qt_;
    bool appInstalled_ = false, qtInstalled_ = false;
    QString code_;
    QString effective_ = QStringLiteral("en");
};

} // namespace nt
