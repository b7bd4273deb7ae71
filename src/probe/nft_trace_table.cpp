// Creating and removing the owner-flagged nftables trace table through one libnftables context.
#include "nft_trace_table.h"

#include "error.h"
#include "netns.h"

#include <QCoreApplication>

#include <QStringList>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <net/if.h>
#include <nftables/libnftables.h>
#include <unistd.h>

namespace nt {

namespace {

constexpr size_t kMaxExpressionLength = 4096;
constexpr size_t kMaxExpressions = 64;

bool validName(const std::string &name) {
    // NFT_TABLE_MAXNAMELEN is 256 with the NUL; keep to identifier characters so the name can
    // be spliced into a script unquoted.
    if (name.empty() || name.size() > 255) {
        return false;
    }
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return !(name[0] >= '0' && name[0] <= '9');
}

// One expression must stay one rule: no statement separator, comment, or brace that closes
// the rule's chain. Anonymous sets ("tcp dport { 80, 443 }") keep their braces balanced.
bool validExpression(const std::string &expr) {
    if (expr.size() > kMaxExpressionLength) {
        return false;
    }
    int depth = 0;
    for (char c : expr) {
        if (c == ';' || c == '\n' || c == '\r' || c == '#' || c == '\0') {
            return false;
        }
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (--depth < 0) {
                return false;
            }
        }
    }
    return depth == 0;
}

} // namespace

std::string NftTraceTable::defaultName() {
    static std::atomic<unsigned> counter{0};
    const unsigned n = counter++;
    std::string name = kNamePrefix + std::to_string(getpid());
    if (n > 0) {
        name += "_" + std::to_string(n);
    }
    return name;
}

namespace {

void checkInputs(const std::string &name, const std::vector<std::string> &filterExpressions) {
    if (!validName(name)) {
        throw Error(QCoreApplication::translate(
                        "nt::NftTraceTable",
                        "invalid nftables table name '%1': use letters, digits, '_' and '-'")
                        .arg(QString::fromStdString(name)));
    }
    if (filterExpressions.empty() || filterExpressions.size() > kMaxExpressions) {
        throw Error(QCoreApplication::translate(
                        "nt::NftTraceTable",
                        "the trace table needs between 1 and %1 filter expressions, got %2")
                        .arg(kMaxExpressions)
                        .arg(filterExpressions.size()));
    }
    for (const std::string &e : filterExpressions) {
        if (!validExpression(e)) {
            throw Error(QCoreApplication::translate(
                            "nt::NftTraceTable",
                            "filter expression rejected for the nftables trace rule: '%1' (it "
                            "may not contain ';', '#', line breaks or unbalanced braces, and is "
                            "limited to %2 characters)")
                            .arg(QString::fromStdString(e.substr(0, 200)))
                            .arg(kMaxExpressionLength));
        }
    }
}

// An interface name as the kernel allows it (dev_valid_name), minus what would need quoting.
bool validDevice(const std::string &dev) {
    if (dev.empty() || dev.size() >= 16 || dev == "." || dev == "..") {
        return false;
    }
    return std::all_of(dev.begin(), dev.end(), [](char c) {
        return c > ' ' && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ':' && c != ';' &&
               c != '#' && c != '{' && c != '}';
    });
}

// `create` fails with EEXIST instead of merging into a table someone else left behind. The
// chains and rules are added with separate commands: re-declaring the table in block form would
// send a NEWTABLE without the owner flag, which the kernel rejects (EOPNOTSUPP). Everything in
// one buffer is one transaction: all or nothing.
std::string tableScript(const char *family, const std::string &name,
                        const std::vector<std::pair<std::string, std::string>> &chains,
                        const std::vector<std::string> &expressions) {
    const bool linkLayer = std::strcmp(family, "inet") != 0;
    const std::string table = std::string(family) + " " + name + " ";
    std::string s = "create table " + table + "{ flags owner; }\n";
    for (const auto &[chain, hookSpec] : chains) {
        s += "add chain " + table;
        s += chain;
        s += " { type filter hook ";
        s += hookSpec;
        s += " priority ";
        s += NftTraceTable::kPriority;
        s += "; policy accept; }\n";
    }
    for (const auto &chain : chains) {
        for (const std::string &e : expressions) {
            s += "add rule " + table;
            s += chain.first + " ";
            if (!e.empty()) {
                s += (linkLayer ? NftTraceTable::linkLayerExpression(e) : e) + " ";
            }
            // accept ends only this base chain (the hook's other chains still run), and with
            // it the kernel's trace of our chain: one message per hook instead of three
            // (the rule, the end of the chain, the policy), each built in the packet's path.
            s += "meta nftrace set 1 accept\n";
        }
    }
    return s;
}

bool matchesEverything(const std::vector<std::string> &filterExpressions) {
    return std::any_of(filterExpressions.begin(), filterExpressions.end(),
                       [](const std::string &e) { return e.empty(); });
}

// libnftables' first diagnostic, with the script's memfd path named for what it is.
QString firstDiagnostic(const NftRunResult &r) {
    // One bad expression is repeated in every chain: its first diagnostic is enough.
    std::string first = r.error;
    const size_t e1 = first.find("Error:");
    const size_t e2 = e1 == std::string::npos ? e1 : first.find("Error:", e1 + 1);
    if (e2 != std::string::npos) {
        first.resize(first.rfind('\n', e2) + 1);
    }
    // The script was read from "/proc/self/fd/N": name it for what it is.
    for (size_t at;
         (at = first.find(r.scriptPath)) != std::string::npos && !r.scriptPath.empty();) {
        first.replace(at, r.scriptPath.size(), "trace table script");
    }
    QString detail = QString::fromStdString(first).trimmed();
    if (detail.isEmpty()) {
        detail = QString::fromLocal8Bit(std::strerror(r.err));
    }
    return detail;
}

// Interfaces of the calling thread's namespace, by index.
std::vector<std::string> namespaceDevices() {
    std::vector<std::string> out;
    std::unique_ptr<struct if_nameindex, void (*)(struct if_nameindex *)> list(if_nameindex(),
                                                                               if_freenameindex);
    for (const struct if_nameindex *i = list.get(); i != nullptr && i->if_index != 0; ++i) {
        out.emplace_back(i->if_name);
    }
    return out;
}

} // namespace

std::string NftTraceTable::linkLayerExpression(const std::string &expr) {
    static const std::pair<const char *, const char *> kRewrites[] = {
        {"meta nfproto != ipv4", "meta protocol != ip"},
        {"meta nfproto != ipv6", "meta protocol != ip6"},
        {"meta nfproto ipv4", "meta protocol ip"},
        {"meta nfproto ipv6", "meta protocol ip6"},
    };
    std::string out = expr;
    for (const auto &[from, to] : kRewrites) {
        const std::string f = from;
        for (size_t at = 0; (at = out.find(f, at)) != std::string::npos;) {
            out.replace(at, f.size(), to);
            at += std::strlen(to);
        }
    }
    return out;
}

std::string NftTraceTable::buildScript(const std::string &name,
                                       const std::vector<std::string> &filterExpressions) {
    checkInputs(name, filterExpressions);
    std::vector<std::pair<std::string, std::string>> chains = {{"prerouting", "prerouting"},
                                                               {"output", "output"}};
    if (!matchesEverything(filterExpressions)) {
        for (const char *hook : {"input", "forward", "postrouting"}) {
            chains.emplace_back(hook, hook);
        }
    }
    return tableScript("inet", name, chains, filterExpressions);
}

std::string NftTraceTable::buildBridgeScript(const std::string &name,
                                             const std::vector<std::string> &filterExpressions) {
    checkInputs(name, filterExpressions);
    return tableScript("bridge", name, {{"prerouting", "prerouting"}, {"output", "output"}},
                       filterExpressions);
}

std::string NftTraceTable::buildNetdevScript(const std::string &name,
                                             const std::vector<std::string> &filterExpressions,
                                             const std::vector<std::string> &devices, bool egress) {
    checkInputs(name, filterExpressions);
    if (devices.empty() || devices.size() > kMaxDevices) {
        throw Error(QCoreApplication::translate(
                        "nt::NftTraceTable",
                        "a netdev trace chain binds between 1 and %1 interfaces, got %2")
                        .arg(kMaxDevices)
                        .arg(devices.size()));
    }
    std::string list;
    for (const std::string &d : devices) {
        if (!validDevice(d)) {
            throw Error(
                QCoreApplication::translate("nt::NftTraceTable", "invalid interface name '%1'")
                    .arg(QString::fromStdString(d)));
        }
        list += (list.empty() ? "\"" : ", \"") + d + "\"";
    }
    std::vector<std::pair<std::string, std::string>> chains = {
        {"ingress", "ingress devices = { " + list + " }"}};
    if (egress) {
        chains.emplace_back("egress", "egress devices = { " + list + " }");
    }
    return tableScript("netdev", name, chains, filterExpressions);
}

NftTraceTable::NftTraceTable(const NetnsHandle *ns,
                             const std::vector<std::string> &filterExpressions, std::string name)
    : name_(name.empty() ? defaultName() : std::move(name)) {
    const std::string script = buildScript(name_, filterExpressions);
    NetnsGuard guard(ns);
    netns_ = currentNetnsInode();
    std::lock_guard lock(nftLibraryMutex());
    // Created inside the guard: the context's socket, and with it the tables' owner, belong to
    // the target namespace. Interface names in expressions also resolve there.
    ctx_ = makeNftContext(0);
    NftRunResult r = runNftScript(ctx_.get(), script);
    if (!r.ok) {
        if (r.err == EPERM || r.err == EACCES) {
            throw Error(QCoreApplication::translate(
                            "nt::NftTraceTable",
                            "cannot create the nftables trace table %1: permission denied; run "
                            "as root (CAP_NET_ADMIN)")
                            .arg(QString::fromStdString(name_)));
        }
        if (r.err == EEXIST) {
            throw Error(QCoreApplication::translate(
                            "nt::NftTraceTable",
                            "cannot create the nftables trace table %1: a table with that name "
                            "already exists; another recording may be running")
                            .arg(QString::fromStdString(name_)));
        }
        throw Error(QCoreApplication::translate("nt::NftTraceTable",
                                                "cannot create the nftables trace table %1: %2")
                        .arg(QString::fromStdString(name_), firstDiagnostic(r)));
    }
    families_.emplace_back("inet");
    addLinkLayerTables(filterExpressions);
}

void NftTraceTable::addLinkLayerTables(const std::vector<std::string> &filterExpressions) {
    // Called with the library lock held, inside the target namespace.
    NftRunResult r = runNftScript(ctx_.get(), buildBridgeScript(name_, filterExpressions));
    if (r.ok) {
        families_.emplace_back("bridge");
    } else {
        notCovered_.push_back(QCoreApplication::translate("nt::NftTraceTable",
                                                          "bridge family chains are not traced: %1")
                                  .arg(firstDiagnostic(r)));
    }

    if (!hasNetdevTables()) {
        return;
    }
    std::vector<std::string> devices;
    std::vector<std::string> skipped;
    for (std::string &d : namespaceDevices()) {
        (validDevice(d) && devices.size() < kMaxDevices ? devices : skipped)
            .push_back(std::move(d));
    }
    if (!skipped.empty()) {
        QStringList names;
        for (const std::string &d : skipped) {
            names << QString::fromStdString(d);
        }
        notCovered_.push_back(
            QCoreApplication::translate("nt::NftTraceTable",
                                        "netdev chains of these interfaces are not traced: %1")
                .arg(names.join(QStringLiteral(", "))));
    }
    if (devices.empty()) {
        return;
    }
    r = runNftScript(ctx_.get(), buildNetdevScript(name_, filterExpressions, devices, true));
    egress_ = r.ok;
    if (!r.ok) {
        const QString why = firstDiagnostic(r);
        r = runNftScript(ctx_.get(), buildNetdevScript(name_, filterExpressions, devices, false));
        notCovered_.push_back(
            r.ok ? QCoreApplication::translate("nt::NftTraceTable",
                                               "netdev egress chains are not traced (the egress "
                                               "hook needs Linux 5.16 or later): %1")
                       .arg(why)
                 : QCoreApplication::translate("nt::NftTraceTable",
                                               "netdev ingress and egress chains are not "
                                               "traced: %1")
                       .arg(firstDiagnostic(r)));
    }
    if (r.ok) {
        families_.emplace_back("netdev");
        devices_ = std::move(devices);
    }
}

bool NftTraceTable::hasNetdevTables() {
    // Called with the library lock held, inside the target namespace. When the listing fails
    // the chains are added anyway: tracing too much is better than missing rules.
    const NftRunResult r = runNft(ctx_.get(), "list tables netdev");
    return !r.ok || r.output.find("table netdev ") != std::string::npos;
}

NftTraceTable::~NftTraceTable() {
    if (!ctx_) {
        return;
    }
    // `delete table` needs only the context's own socket, which already lives in the target
    // namespace: no setns here. Failure is harmless, closing the socket removes the table.
    std::lock_guard lock(nftLibraryMutex());
    for (const std::string &family : families_) {
        runNft(ctx_.get(), "delete table " + family + " " + name_);
    }
    ctx_.reset();
}

} // namespace nt
