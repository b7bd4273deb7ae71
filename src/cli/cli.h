// The commands of nft-tracer-cli.
#pragma once

#include <QStringList>

#include <string>

namespace nt {
class Assembler;
class Report;
} // namespace nt

namespace nt::cli {

// Every journey's PACKET TRACE block, in journey order.
std::string journeysText(const Report &report, const Assembler &assembler);

int record(const QStringList &args);
int show(const QStringList &args);
int exportTrace(const QStringList &args);

// One clear line on stderr: "nft-tracer-cli: <message>".
void printError(const QString &message);
// Text to stdout / stderr, UTF-8.
void out(const QString &text);

} // namespace nt::cli
