// Colours and display names shared by the journey views.
#include "gui_style.h"

#include "event.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace nt::gui {

bool isDarkPalette(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor verdictColor(int32_t code, const QPalette &palette) {
    const bool dark = isDarkPalette(palette);
    switch (code) {
    case verdict::Accept:
    case verdict::Stop:
        return dark ? QColor(0x6c, 0xd0, 0x7c) : QColor(0x1e, 0x8e, 0x3e);
    case verdict::Drop:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x21, 0x2a);
    case verdict::Jump:
    case verdict::Goto:
        return dark ? QColor(0x6e, 0xa8, 0xff) : QColor(0x1a, 0x5f, 0xd0);
    case verdict::Continue:
    case verdict::Return:
    case verdict::Break:
    case verdict::None:
        return dark ? QColor(0xa0, 0xa4, 0xaa) : QColor(0x70, 0x75, 0x7d);
    case verdict::Queue:
        return dark ? QColor(0xff, 0xb0, 0x4a) : QColor(0xe0, 0x7b, 0x00);
    default:
        return dark ? QColor(0xc8, 0x9b, 0xff) : QColor(0x7b, 0x3f, 0xc0);
    }
}

QString nftSourceName(bool readInKernel) {
    //: Where an nftables rule evaluation was read: in the kernel (BPF) or from netlink.
    return readInKernel ? QCoreApplication::translate("nt::NftSource", "kernel")
                        : QCoreApplication::translate("nt::NftSource", "netlink");
}

QString nftSourceExplanation(bool readInKernel) {
    return readInKernel
               ? QCoreApplication::translate(
                     "nt::NftSource", "Read in the kernel next to the packet's sk_buff: exact, "
                                      "joined to this packet by its address")
               : QCoreApplication::translate(
                     "nt::NftSource", "Read from an nftables trace message (netlink): joined to "
                                      "this packet by its header fingerprint and trace id");
}

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

QColor layerColor(Layer layer, const QPalette &palette) {
    // Hues spread around the wheel in lane order so neighbouring lanes differ.
    static constexpr std::array<int, kLayerCount> kHue = {210, 185, 160, 0,  120, 95, 45,
                                                          270, 300, 330, 25, 240, 355};
    const int i = static_cast<int>(layer);
    const bool dark = isDarkPalette(palette);
    QColor c = QColor::fromHsl(kHue[static_cast<size_t>(i)], dark ? 150 : 170, dark ? 150 : 110);
    if (layer == Layer::Drop) {
        c = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x21, 0x2a);
    } else if (layer == Layer::Netfilter) {
        c = dark ? QColor(0xff, 0xc8, 0x57) : QColor(0xc8, 0x8a, 0x00);
    }
    return c;
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

} // namespace nt::gui
