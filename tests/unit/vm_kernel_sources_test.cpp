// scripts/vm-kernel.sh derives the apt source lines for another Debian suite from the machine's
// own sources (both formats), so no mirror is written into the repository.
#include "require.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

class VmKernelSources : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("nt-vm-sources-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "sources.list.d");
        write("os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                            "VERSION_CODENAME=bookworm\n");
    }
    void TearDown() override { fs::remove_all(dir); }

    void write(const std::string &name, const std::string &text) const {
        std::ofstream(dir / name) << text;
    }
    nt::test::CommandResult sources(const std::string &suite) const {
        return nt::test::runCommand("NT_VM_APT_ETC=" + dir.string() +
                                    " NT_VM_OS_RELEASE=" + (dir / "os-release").string() +
                                    " " NT_SOURCE_DIR "/scripts/vm-kernel.sh --sources " + suite);
    }
    fs::path dir;
};

TEST_F(VmKernelSources, OneLineAndDeb822EntriesOfTheMachinesSuiteAreRenamed) {
    write("sources.list", "# deb http://commented.example/debian bookworm main\n"
                          "deb [arch=amd64 signed-by=/k.gpg] http://m.example/debian bookworm "
                          "main contrib\n"
                          "deb-src http://m.example/debian bookworm main\n"
                          "deb http://s.example/debian-security bookworm-security main\n"
                          "deb http://other.example/ubuntu jammy main\n");
    write("sources.list.d/debian.sources", "Types: deb deb-src\n"
                                           "URIs: http://a.example/debian\n"
                                           "Suites: bookworm bookworm-updates\n"
                                           "Components: main\n"
                                           "Signed-By: /usr/share/keyrings/k.gpg\n"
                                           "\n"
                                           "Types: deb\n"
                                           "URIs: http://off.example/debian\n"
                                           "Suites: bookworm\n"
                                           "Components: main\n"
                                           "Enabled: no\n");
    const nt::test::CommandResult r = sources("trixie");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(r.output,
              "deb [arch=amd64 signed-by=/k.gpg] http://m.example/debian trixie main contrib\n"
              "deb http://s.example/debian-security trixie-security main\n"
              "deb [signed-by=/usr/share/keyrings/k.gpg] http://a.example/debian trixie main\n"
              "deb [signed-by=/usr/share/keyrings/k.gpg] http://a.example/debian trixie-updates "
              "main\n");
}

TEST_F(VmKernelSources, TheMachinesOwnSuiteIsKeptAsItIs) {
    write("sources.list", "deb http://m.example/debian bookworm main\n");
    const nt::test::CommandResult r = sources("bookworm");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(r.output, "deb http://m.example/debian bookworm main\n");
}

TEST_F(VmKernelSources, NoEntryOfTheMachinesSuiteIsAClearError) {
    write("sources.list", "deb http://other.example/ubuntu jammy main\n");
    const nt::test::CommandResult r = sources("trixie");
    EXPECT_EQ(r.status, 0) << "printing sources only lists them; an empty list is empty";
    EXPECT_EQ(r.output, "");
    const nt::test::CommandResult f = nt::test::runCommand(
        "NT_VM_CACHE=" + (dir / "cache").string() + " NT_VM_APT_ETC=" + dir.string() +
        " NT_VM_OS_RELEASE=" + (dir / "os-release").string() +
        " " NT_SOURCE_DIR "/scripts/vm-kernel.sh trixie");
    EXPECT_NE(f.status, 0);
    EXPECT_NE(f.output.find("have no entry for bookworm to derive trixie from"), std::string::npos)
        << f.output;
}

TEST_F(VmKernelSources, AnUnknownSuiteIsRefused) {
    const nt::test::CommandResult r = sources("sid");
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.output.find("unknown suite 'sid'"), std::string::npos) << r.output;
}

} // namespace
