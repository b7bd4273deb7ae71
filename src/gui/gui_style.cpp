// Colours and names shared by the journey views.
#include "gui_style.h"

#include "event.h"

#include <QCoreApplication>

#include <array>

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

} // namespace nt::gui
