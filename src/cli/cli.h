// The commands of nft-tracer-cli.
#pragma once

#include "layers.h"

#include <QStringList>

#include <optional>
#include <string>
#include <vector>

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
int discover(const QStringList &args);

// Option values shared by record and discover; each throws nt::Error naming the option.
std::optional<int> parsePriorityOption(const QString &value, const QString &option);
size_t parseCountOption(const QString &value, const QString &option);
std::vector<Layer> parseLayersOption(const QStringList &values);

// One clear line on stderr: "nft-tracer-cli: <message>".
void printError(const QString &message);
// Text to stdout / stderr, UTF-8.
void out(const QString &text);

} // namespace nt::cli
