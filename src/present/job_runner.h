// The one way the app runs work in the background: a job runs on the runner's worker thread and
// its result comes back as a queued call on the receiver's thread. Starting a job makes the
// previous one stale; cancel() makes the running one stale. A stale job sees cancelled() and
// whatever it still delivers (result or post()) is dropped on arrival, so a receiver never sees
// the result of an older request.
//
// The runner belongs to its receiver (a member, destroyed before the receiver's QObject part)
// and its destructor waits for the worker: the work may read the receiver's data until then.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>

namespace nt {

namespace detail {
// Shared by the runner and its jobs' posted calls.
struct JobRunnerState {
    std::atomic<uint64_t> generation{0}; // of the current job
    bool busy = false;                   // receiver's thread only
};
} // namespace detail

// What a running job sees of its runner; cheap to copy.
class JobContext {
public:
    // A newer job started or the job was cancelled: stop at the next convenient point.
    bool cancelled() const { return state_->generation.load(std::memory_order_relaxed) != gen_; }
    // Calls `fn` on the receiver's thread, unless the job is stale when it gets there.
    template <typename F> void post(F &&fn) const {
        auto call = std::make_shared<std::decay_t<F>>(std::forward<F>(fn));
        QMetaObject::invokeMethod(
            receiver_,
            [state = state_, gen = gen_, call] {
                if (state->generation.load(std::memory_order_relaxed) == gen) {
                    (*call)();
                }
            },
            Qt::QueuedConnection);
    }

private:
    friend class JobRunner;
    JobContext(std::shared_ptr<detail::JobRunnerState> state, uint64_t gen, QObject *receiver)
        : state_(std::move(state)), gen_(gen), receiver_(receiver) {}

    std::shared_ptr<detail::JobRunnerState> state_;
    uint64_t gen_;
    QObject *receiver_;
};

class JobRunner {
public:
    explicit JobRunner(QObject *receiver);
    // Cancels the running job and waits for it.
    ~JobRunner();
    JobRunner(const JobRunner &) = delete;
    JobRunner &operator=(const JobRunner &) = delete;

    // Runs `work(const JobContext &)` on the worker, after the previous job (made stale now)
    // has stopped; then `done(result)` on the receiver's thread unless the job became stale.
    // Call on the receiver's thread. Work and result may be move-only.
    template <typename Work, typename Done> void start(Work &&work, Done &&done) {
        const uint64_t gen = state_->generation.fetch_add(1, std::memory_order_relaxed) + 1;
        state_->busy = true;
        const JobContext ctx(state_, gen, receiver_);
        auto w = std::make_shared<std::decay_t<Work>>(std::forward<Work>(work));
        auto d = std::make_shared<std::decay_t<Done>>(std::forward<Done>(done));
        pool_.start([ctx, w, d] {
            if (ctx.cancelled()) {
                return; // replaced before it began
            }
            auto result = std::make_shared<decltype((*w)(ctx))>((*w)(ctx));
            ctx.post([state = ctx.state_, d, result] {
                state->busy = false;
                (*d)(std::move(*result));
            });
        });
    }
    // Makes the running job stale: it sees cancelled(), and nothing it delivers arrives.
    void cancel();
    // Blocks until the worker is idle (after cancel(): until the stale job returned).
    void wait();
    // A job started and neither delivered its result nor was cancelled.
    bool busy() const { return state_->busy; }

private:
    std::shared_ptr<detail::JobRunnerState> state_;
    QObject *receiver_;
    QThreadPool pool_;
};

} // namespace nt
