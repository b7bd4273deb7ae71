// libnftables context creation and command execution shared by the trace table and ruleset.
#include "nft_context.h"

#include "error.h"
#include "unique_fd.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <nftables/libnftables.h>
#include <sys/mman.h>
#include <sys/socket.h>

namespace nt {

void NftCtxDeleter::operator()(nft_ctx *ctx) const {
    nft_ctx_free(ctx);
}

std::mutex &nftLibraryMutex() {
    static std::mutex m;
    return m;
}

NftCtxPtr makeNftContext(unsigned outputFlags) {
    // nft_ctx_new() calls exit() when it cannot open its NETLINK_NETFILTER socket: try first.
    UniqueFd probe(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER));
    if (!probe) {
        throw Error(QCoreApplication::translate(
                        "nt::Nft", "cannot open a netfilter netlink socket: %1; load the "
                                   "nfnetlink and nf_tables kernel modules (modprobe nf_tables)")
                        .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    probe.reset();
    NftCtxPtr ctx(nft_ctx_new(NFT_CTX_DEFAULT));
    if (!ctx) {
        throw Error(QCoreApplication::translate(
            "nt::Nft", "cannot create a libnftables context: out of memory"));
    }
    nft_ctx_output_set_flags(ctx.get(), outputFlags);
    if (nft_ctx_buffer_output(ctx.get()) != 0 || nft_ctx_buffer_error(ctx.get()) != 0) {
        throw Error(QCoreApplication::translate("nt::Nft",
                                                "cannot buffer libnftables output: out of memory"));
    }
    return ctx;
}

namespace {

NftRunResult collect(nft_ctx *ctx, int rc, int err) {
    NftRunResult r;
    r.err = err;
    r.ok = rc == 0;
    // Both getters rewind their buffer: read them once, always, so the next run starts clean.
    const char *out = nft_ctx_get_output_buffer(ctx);
    const char *errText = nft_ctx_get_error_buffer(ctx);
    r.output = out != nullptr ? out : "";
    r.error = errText != nullptr ? errText : "";
    return r;
}

} // namespace

NftRunResult runNft(nft_ctx *ctx, const std::string &commands) {
    errno = 0;
    const int rc = nft_run_cmd_from_buffer(ctx, commands.c_str());
    return collect(ctx, rc, errno);
}

NftRunResult runNftScript(nft_ctx *ctx, const std::string &script) {
    UniqueFd fd(memfd_create("nft-tracer-script", MFD_CLOEXEC));
    size_t done = 0;
    while (fd && done < script.size()) {
        const ssize_t n = write(fd.get(), script.data() + done, script.size() - done);
        if (n <= 0) {
            fd.reset();
            break;
        }
        done += static_cast<size_t>(n);
    }
    if (!fd) {
        return runNft(ctx, script); // no memfd: correct, only the diagnostics quote worse
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd.get());
    errno = 0;
    const int rc = nft_run_cmd_from_filename(ctx, path.c_str());
    NftRunResult r = collect(ctx, rc, errno);
    r.scriptPath = path;
    return r;
}

} // namespace nt
