// Creating and removing the owner-flagged nftables trace table through one libnftables context.
#include "nft_trace_table.h"

#include "error.h"
#include "netns.h"

#include <QCoreApplication>

#include <atomic>
#include <cstring>
#include <nftables/libnftables.h>
#include <unistd.h>

namespace nt {

namespace {

constexpr size_t kMaxExpressionLength = 4096;
constexpr size_t kMaxExpressions = 64;
constexpr const char *kHooks[] = {"prerouting", "input", "forward", "output", "postrouting"};

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

std::string NftTraceTable::buildScript(const std::string &name,
                                       const std::vector<std::string> &filterExpressions) {
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
    // `create` fails with EEXIST instead of merging into a table someone else left behind.
    // The chains and rules are added with separate commands: re-declaring the table in block
    // form would send a NEWTABLE without the owner flag, which the kernel rejects (EOPNOTSUPP).
    // Everything in one buffer is one transaction: all or nothing.
    std::string s = "create table inet " + name + " { flags owner; }\n";
    for (const char *hook : kHooks) {
        s += "add chain inet " + name + " " + hook + " { type filter hook " + hook +
             " priority -500; policy accept; }\n";
    }
    for (const char *hook : kHooks) {
        for (const std::string &e : filterExpressions) {
            s += "add rule inet " + name + " " + hook + " ";
            if (!e.empty()) {
                s += e + " ";
            }
            s += "meta nftrace set 1\n";
        }
    }
    return s;
}

NftTraceTable::NftTraceTable(const NetnsHandle *ns,
                             const std::vector<std::string> &filterExpressions, std::string name)
    : name_(name.empty() ? defaultName() : std::move(name)) {
    const std::string script = buildScript(name_, filterExpressions);
    NetnsGuard guard(ns);
    netns_ = currentNetnsInode();
    std::lock_guard lock(nftLibraryMutex());
    // Created inside the guard: the context's socket, and with it the table's owner, belong to
    // the target namespace. Interface names in expressions also resolve there.
    ctx_ = makeNftContext(0);
    NftRunResult r = runNftScript(ctx_.get(), script);
    if (!r.ok) {
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
        if (detail.isEmpty()) {
            detail = QString::fromLocal8Bit(std::strerror(r.err));
        }
        throw Error(QCoreApplication::translate("nt::NftTraceTable",
                                                "cannot create the nftables trace table %1: %2")
                        .arg(QString::fromStdString(name_), detail));
    }
}

NftTraceTable::~NftTraceTable() {
    if (!ctx_) {
        return;
    }
    // `delete table` needs only the context's own socket, which already lives in the target
    // namespace: no setns here. Failure is harmless, closing the socket removes the table.
    std::lock_guard lock(nftLibraryMutex());
    runNft(ctx_.get(), "delete table inet " + name_);
    ctx_.reset();
}

} // namespace nt
