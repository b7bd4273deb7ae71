// JobRunner: results on the receiver's thread, cancellation seen by the job, stale results and
// posts dropped, the destructor waiting for the worker.
#include "job_runner.h"

#include <QCoreApplication>
#include <QObject>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace {

using nt::JobContext;
using nt::JobRunner;

// Runs the event loop until `done` or 10 s.
template <typename P> bool spinUntil(P done) {
    return QTest::qWaitFor(done, 10000);
}

// Waits on the job's thread for the test to release it (bounded, so a failure cannot hang).
void waitFor(const std::atomic_bool &flag) {
    for (int i = 0; i < 10000 && !flag; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

TEST(JobRunner, ResultArrivesOnTheReceiversThread) {
    QObject receiver;
    JobRunner runner(&receiver);
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    int value = 0;
    runner.start(
        [&](const JobContext &) {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int v) {
            doneThread = QThread::currentThread();
            value = v;
        });
    EXPECT_TRUE(runner.busy());
    ASSERT_TRUE(spinUntil([&] { return value != 0; }));
    EXPECT_EQ(value, 42);
    EXPECT_EQ(doneThread, receiver.thread());
    ASSERT_NE(workThread, nullptr);
    EXPECT_NE(workThread, receiver.thread()) << "the work runs on the worker";
    EXPECT_FALSE(runner.busy());
}

TEST(JobRunner, MoveOnlyResults) {
    QObject receiver;
    JobRunner runner(&receiver);
    std::unique_ptr<std::vector<int>> got;
    runner.start([](const JobContext &) { return std::make_unique<std::vector<int>>(3, 7); },
                 [&](std::unique_ptr<std::vector<int>> v) { got = std::move(v); });
    ASSERT_TRUE(spinUntil([&] { return got != nullptr; }));
    EXPECT_EQ(*got, std::vector<int>(3, 7));
}

TEST(JobRunner, CancelledJobSeesItAndDeliversNothing) {
    QObject receiver;
    JobRunner runner(&receiver);
    std::atomic_bool running{false};
    std::atomic_bool sawCancel{false};
    bool delivered = false;
    runner.start(
        [&](const JobContext &job) {
            running = true;
            for (int i = 0; i < 10000 && !job.cancelled(); ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            sawCancel = job.cancelled();
            return 1;
        },
        [&](int) { delivered = true; });
    waitFor(running);
    ASSERT_TRUE(running);
    runner.cancel();
    EXPECT_FALSE(runner.busy());
    runner.wait();
    EXPECT_TRUE(sawCancel);
    QCoreApplication::processEvents();
    QTest::qWait(20);
    EXPECT_FALSE(delivered);
}

TEST(JobRunner, StaleResultIsDroppedNewestDelivered) {
    QObject receiver;
    JobRunner runner(&receiver);
    std::vector<int> results;
    runner.start([](const JobContext &) { return 1; }, [&](int v) { results.push_back(v); });
    runner.wait(); // the first result is posted, not yet delivered
    runner.start([](const JobContext &) { return 2; }, [&](int v) { results.push_back(v); });
    ASSERT_TRUE(spinUntil([&] { return !results.empty(); }));
    QTest::qWait(20);
    EXPECT_EQ(results, std::vector<int>{2});
}

TEST(JobRunner, AJobReplacedBeforeItBeganDoesNotRun) {
    QObject receiver;
    JobRunner runner(&receiver);
    std::atomic_bool running{false};
    std::atomic_bool release{false};
    std::atomic_int ran{0};
    int delivered = 0;
    runner.start(
        [&](const JobContext &) {
            running = true;
            waitFor(release);
            return ++ran;
        },
        [&](int) { ++delivered; });
    waitFor(running);
    // Queued behind the first: replaced by the third before the worker gets to it.
    runner.start([&](const JobContext &) { return ++ran; }, [&](int) { ++delivered; });
    runner.start([&](const JobContext &) { return ++ran; }, [&](int v) { delivered = 100 + v; });
    release = true;
    ASSERT_TRUE(spinUntil([&] { return delivered != 0; }));
    EXPECT_EQ(ran, 2) << "the second job never ran";
    EXPECT_EQ(delivered, 102);
}

TEST(JobRunner, PostsOfAStaleJobAreDropped) {
    QObject receiver;
    JobRunner runner(&receiver);
    std::vector<int> progress;
    std::atomic_bool posted{false};
    runner.start(
        [&](const JobContext &job) {
            job.post([&progress] { progress.push_back(1); });
            posted = true;
            return 0;
        },
        [](int) {});
    waitFor(posted);
    runner.cancel();
    runner.wait();
    QCoreApplication::processEvents();
    EXPECT_TRUE(progress.empty()) << "cancelled before the post arrived";

    int result = -1;
    runner.start(
        [&](const JobContext &job) {
            job.post([&progress] { progress.push_back(2); });
            return 5;
        },
        [&](int v) { result = v; });
    ASSERT_TRUE(spinUntil([&] { return result == 5; }));
    EXPECT_EQ(progress, std::vector<int>{2}) << "posts arrive before the result, in order";
}

TEST(JobRunner, DestructorWaitsForTheWorker) {
    QObject receiver;
    std::atomic_bool finished{false};
    std::atomic_bool running{false};
    {
        JobRunner runner(&receiver);
        runner.start(
            [&](const JobContext &job) {
                running = true;
                while (!job.cancelled()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                finished = true;
                return 0;
            },
            [](int) {});
        waitFor(running);
    }
    EXPECT_TRUE(finished) << "the destructor cancelled the job and waited for it";
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
