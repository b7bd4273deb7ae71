// Terminal column width of text (a small wcwidth that needs no C locale).
#include "textwidth.h"

#include <QChar>
#include <QList>

namespace nt {
namespace {

bool isWide(uint c) {
    return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
           (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
           (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
           (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
}

} // namespace

int displayWidth(QStringView text) {
    int width = 0;
    for (const uint c : text.toUcs4()) {
        switch (QChar::category(c)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
        case QChar::Other_Format:
            break;
        default:
            width += isWide(c) ? 2 : 1;
        }
    }
    return width;
}

std::string padRight(const QString &text, int width) {
    std::string out = text.toStdString();
    const int w = displayWidth(text);
    if (w < width) {
        out.append(static_cast<size_t>(width - w), ' ');
    }
    return out;
}

} // namespace nt
