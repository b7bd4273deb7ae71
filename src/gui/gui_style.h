// Colours and display names shared by the journey views: verdict colours, layer colours.
#pragma once

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
// The verdict's name for people ("ACCEPT", ...; translated in the "nt::Verdict" context).
QString verdictDisplayName(int32_t verdictCode);
// Where an nft step was read: "kernel" (in BPF, next to the skb: joined exactly, by address) or
// "netlink" (a trace message, joined by the packet's header fingerprint and trace id); and a
// sentence saying what that means.
QString nftSourceName(bool readInKernel);
QString nftSourceExplanation(bool readInKernel);

// A distinct colour per layer (stacked bars, chart series).
QColor layerColor(Layer layer, const QPalette &palette);

// "12.345 µs", "1.234 ms", "2.000 s": the unit follows the magnitude.
QString formatMicros(double us);

} // namespace nt::gui
