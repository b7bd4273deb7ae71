// JobRunner: one worker thread per runner; staleness by generation.
#include "job_runner.h"

namespace nt {

JobRunner::JobRunner(QObject *receiver)
    : state_(std::make_shared<detail::JobRunnerState>()), receiver_(receiver) {
    // One at a time: a new job waits for the stale one, which stops at its next check.
    pool_.setMaxThreadCount(1);
}

JobRunner::~JobRunner() {
    cancel();
    wait();
}

void JobRunner::cancel() {
    state_->generation.fetch_add(1, std::memory_order_relaxed);
    state_->busy = false;
}

void JobRunner::wait() {
    pool_.waitForDone();
}

} // namespace nt
