// Anchor of the nt_i18n object library, which carries the compiled translations as resources.
namespace nt {
int i18nAnchor() {
    return 0;
}
} // namespace nt
