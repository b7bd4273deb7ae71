// Display texts shared by the views and their models: verdict names, durations.
#pragma once

#include <QString>

#include <cstdint>

namespace nt {

// The verdict's name for people ("ACCEPT", ...; translated in the "nt::Verdict" context).
QString verdictDisplayName(int32_t verdictCode);

// "12.345 µs", "1.234 ms", "2.000 s": the unit follows the magnitude.
QString formatMicros(double us);

} // namespace nt
