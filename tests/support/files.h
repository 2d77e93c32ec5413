// Files for the tests: reading a whole file, a temporary folder that cleans up after itself, and
// the sorted names in a folder.
#pragma once

#include <string>
#include <vector>

namespace convt::testing {

/// Reads a whole file as bytes; throws std::runtime_error naming `path` when it cannot.
std::string read_file(const std::string& path);

/// The names of the entries of folder `dir` (files and folders, not recursive), sorted.
/// Throws std::filesystem::filesystem_error when `dir` cannot be listed.
std::vector<std::string> listing(const std::string& dir);

/// A fresh empty folder under the system's temporary folder, created by the constructor (which
/// throws std::runtime_error when it cannot) and removed with its contents by the destructor.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  /// The path of `name` inside the folder (nothing is created).
  std::string operator/(const std::string& name) const;
  /// The folder's own path.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace convt::testing
