// LeakSanitizer, when the tests are built with PLENUM_SANITIZE: fontconfig keeps process-wide
// caches it never frees, and cairo 1.16 loses a few kilobytes in cairo_surface_finish of a PDF
// surface with embedded font subsets. Neither is ours; our cairo and pango objects are released
// by their owning unique_ptrs.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libcairo.so\n";
}
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif
