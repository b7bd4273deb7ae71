// Display texts shared by the views: verdict names, durations.
#include "display_text.h"

#include "event.h"

#include <QCoreApplication>

#include <cmath>

namespace nt {

QString verdictDisplayName(int32_t code) {
    switch (code) {
    case verdict::Accept:
        return QCoreApplication::translate("nt::Verdict", "ACCEPT");
    case verdict::Drop:
        return QCoreApplication::translate("nt::Verdict", "DROP");
    case verdict::Stolen:
        return QCoreApplication::translate("nt::Verdict", "STOLEN");
    case verdict::Queue:
        return QCoreApplication::translate("nt::Verdict", "QUEUE");
    case verdict::Repeat:
        return QCoreApplication::translate("nt::Verdict", "REPEAT");
    case verdict::Stop:
        return QCoreApplication::translate("nt::Verdict", "STOP");
    case verdict::Continue:
        return QCoreApplication::translate("nt::Verdict", "CONTINUE");
    case verdict::Break:
        return QCoreApplication::translate("nt::Verdict", "BREAK");
    case verdict::Jump:
        return QCoreApplication::translate("nt::Verdict", "JUMP");
    case verdict::Goto:
        return QCoreApplication::translate("nt::Verdict", "GOTO");
    case verdict::Return:
        return QCoreApplication::translate("nt::Verdict", "RETURN");
    default:
        return QString::fromStdString(verdictName(code));
    }
}

QString formatMicros(double us) {
    const double a = std::fabs(us);
    if (a >= 1e6) {
        return QCoreApplication::translate("nt::gui", "%1 s").arg(us / 1e6, 0, 'f', 3);
    }
    if (a >= 1e3) {
        return QCoreApplication::translate("nt::gui", "%1 ms").arg(us / 1e3, 0, 'f', 3);
    }
    return QCoreApplication::translate("nt::gui", "%1 µs").arg(us, 0, 'f', a >= 100 ? 1 : 3);
}

} // namespace nt
