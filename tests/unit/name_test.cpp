// Interned names (nt::Name): one copy per distinct text, shared across threads, compared by
// address, and usable where the code expects a std::string.
#include "name.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using nt::Name;

TEST(Name, EqualTextsShareOneCopy) {
    const std::string text = "nft_tracer_4242_chain_prerouting";
    const Name a(text);
    const Name b(std::string_view(text).substr(0));
    const Name c("nft_tracer_4242_chain_prerouting");
    EXPECT_EQ(&a.str(), &b.str());
    EXPECT_EQ(&a.str(), &c.str());
    EXPECT_EQ(a, b);
    EXPECT_NE(a, Name("nft_tracer_4242_chain_input"));
    const size_t pool = Name::poolSize();
    const Name again(std::string("nft_tracer_4242_chain_prerouting"));
    EXPECT_EQ(Name::poolSize(), pool); // no new entry for a known text
}

TEST(Name, DefaultIsEmptyAndEqualToAnEmptyText) {
    const Name none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, Name(""));
    EXPECT_EQ(none, "");
    EXPECT_EQ(none.size(), 0u);
    EXPECT_STREQ(none.c_str(), "");
}

TEST(Name, ComparesAndJoinsLikeAString) {
    const Name chain("forward");
    EXPECT_EQ(chain, "forward");
    EXPECT_EQ(chain, std::string("forward"));
    EXPECT_EQ(std::string("forward"), chain);
    EXPECT_NE(chain, "forwardx");
    EXPECT_TRUE(chain.starts_with("for"));
    EXPECT_EQ("-> " + chain, "-> forward");
    EXPECT_EQ(chain + "!", "forward!");
    const std::string &asString = chain;
    EXPECT_EQ(asString, "forward");
    const std::string_view view = chain;
    EXPECT_EQ(view, "forward");
}

// Threads interning the same texts (each its own per-thread cache) get the same copies.
TEST(Name, ThreadsGetTheSameCopies) {
    constexpr int kThreads = 4, kNames = 500;
    std::vector<std::vector<const std::string *>> seen(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &seen] {
            for (int round = 0; round < 3; ++round) {
                for (int i = 0; i < kNames; ++i) {
                    const Name n("chain_" + std::to_string((i * 7 + t) % kNames));
                    if (round == 2) {
                        seen[t].push_back(&n.str());
                    }
                }
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    for (int t = 0; t < kThreads; ++t) {
        std::set<const std::string *> distinct(seen[t].begin(), seen[t].end());
        EXPECT_EQ(distinct.size(), static_cast<size_t>(kNames));
        for (int i = 0; i < kNames; ++i) {
            const Name n("chain_" + std::to_string((i * 7 + t) % kNames));
            EXPECT_EQ(seen[t][i], &n.str()) << "thread " << t << " name " << i;
        }
    }
}

} // namespace
