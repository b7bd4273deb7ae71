// Colours shared by the journey views: verdict colours, layer colours (their texts:
// display_text.h, here under nt::gui too).
#pragma once

#include "display_text.h"
#include "layers.h"

#include <QColor>
#include <QPalette>
#include <QString>

#include <cstdint>

namespace nt::gui {

// Dark palettes get lighter, less saturated variants so that marks stay readable.
bool isDarkPalette(const QPalette &palette);

// ACCEPT green, DROP red, JUMP/GOTO blue, CONTINUE/RETURN grey, QUEUE orange, others purple.
QColor verdictColor(int32_t verdictCode, const QPalette &palette);
using nt::verdictDisplayName;
// Where an nft step was read: "kernel" (in BPF, next to the skb: joined exactly, by address) or
// "netlink" (a trace message, joined by the packet's header fingerprint and trace id); and a
// sentence saying what that means.
QString nftSourceName(bool readInKernel);
QString nftSourceExplanation(bool readInKernel);

// A distinct colour per layer (stacked bars, chart series).
QColor layerColor(Layer layer, const QPalette &palette);
using nt::formatMicros;

} // namespace nt::gui
