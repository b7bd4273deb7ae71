// Terminal column width of text, so that translated labels line up in fixed-width output.
#pragma once

#include <QString>
#include <QStringView>

#include <string>

namespace nt {

// Columns `text` takes on a terminal: combining marks and format characters take none, East
// Asian wide and fullwidth characters two, everything else one. (printf's %-15s counts UTF-8
// bytes, which misaligns every label with a Vietnamese diacritic.)
int displayWidth(QStringView text);

// `text` in UTF-8, padded on the right with spaces to `width` columns; never cut.
std::string padRight(const QString &text, int width);

} // namespace nt
