// Session bookkeeping: one session per client, the global cap, ownership of paths.
#include "registry.h"

#include <gtest/gtest.h>

namespace {

using nt::helper::BusyError;
using nt::helper::SessionRegistry;

TEST(Registry, OneSessionPerClient) {
    SessionRegistry r(4);
    const QString p = r.reserve(QStringLiteral(":1.5"));
    EXPECT_TRUE(p.startsWith(QLatin1String(nt::helper::kSessionPathPrefix)));
    EXPECT_THROW(r.reserve(QStringLiteral(":1.5")), BusyError);
    EXPECT_THROW(r.checkCanStart(QStringLiteral(":1.5")), BusyError);
    EXPECT_NO_THROW(r.checkCanStart(QStringLiteral(":1.6")));
    EXPECT_EQ(r.size(), 1u);
}

TEST(Registry, GlobalCap) {
    SessionRegistry r(2);
    r.reserve(QStringLiteral(":1.1"));
    r.reserve(QStringLiteral(":1.2"));
    EXPECT_THROW(r.reserve(QStringLiteral(":1.3")), BusyError);
    EXPECT_EQ(r.size(), 2u);
}

TEST(Registry, ReleaseFreesTheSlotAndPathsAreNeverReused) {
    SessionRegistry r(1);
    const QString first = r.reserve(QStringLiteral(":1.1"));
    EXPECT_TRUE(r.release(first));
    EXPECT_FALSE(r.release(first));
    const QString second = r.reserve(QStringLiteral(":1.1"));
    EXPECT_NE(first, second);
    EXPECT_FALSE(r.ownedBy(first, QStringLiteral(":1.1")));
}

TEST(Registry, OwnershipIsExact) {
    SessionRegistry r(4);
    const QString mine = r.reserve(QStringLiteral(":1.10"));
    const QString theirs = r.reserve(QStringLiteral(":1.11"));
    EXPECT_TRUE(r.ownedBy(mine, QStringLiteral(":1.10")));
    EXPECT_FALSE(r.ownedBy(theirs, QStringLiteral(":1.10")));
    EXPECT_FALSE(r.ownedBy(mine, QStringLiteral(":1.1")));
    EXPECT_FALSE(r.ownedBy(QStringLiteral("/io/github/nfttracer/Helper/session/99"),
                           QStringLiteral(":1.10")));
    EXPECT_EQ(r.pathOf(QStringLiteral(":1.11")), theirs);
    EXPECT_EQ(r.ownerOf(mine), QStringLiteral(":1.10"));
    EXPECT_FALSE(r.pathOf(QStringLiteral(":1.12")).has_value());
}

} // namespace
