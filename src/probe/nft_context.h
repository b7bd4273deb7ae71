// A libnftables context (RAII) created in the calling thread's network namespace.
#pragma once

#include <memory>
#include <mutex>
#include <string>

struct nft_ctx;

namespace nt {

struct NftCtxDeleter {
    void operator()(nft_ctx *ctx) const;
};
using NftCtxPtr = std::unique_ptr<nft_ctx, NftCtxDeleter>;

// libnftables keeps process-wide state (interface cache, one-time init): every call into it
// from this project holds this mutex.
std::mutex &nftLibraryMutex();

// New context whose netlink socket lives in the calling thread's namespace (enter it with a
// NetnsGuard first). Output and errors are buffered so they can go into messages. Throws
// nt::Error when nf_tables netlink is unavailable; libnftables itself would exit() instead.
NftCtxPtr makeNftContext(unsigned outputFlags);

struct NftRunResult {
    bool ok = false;
    int err = 0;            // errno after a failure
    std::string output;     // what `nft` would print on stdout
    std::string error;      // what `nft` would print on stderr
    std::string scriptPath; // file name diagnostics refer to (runNftScript), else empty
};
// Runs one buffer of nft commands as one transaction. Caller holds nftLibraryMutex().
NftRunResult runNft(nft_ctx *ctx, const std::string &commands);
// Same for a multi-line script, read as a file (from a memfd): libnftables 1.0.6 quotes the
// wrong line in its diagnostics for multi-line buffers, and gets files right.
NftRunResult runNftScript(nft_ctx *ctx, const std::string &script);

} // namespace nt
