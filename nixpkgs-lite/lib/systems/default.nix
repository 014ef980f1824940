# Systems and platforms (`lib.systems`).
#
# Room to grow: `lib.systems.elaborate` here gives only the few facts packages of
# nixpkgs-lite test (`isLinux`, `isDarwin`, ...). The cross-compilation issue (pkgsCross)
# extends it with the parsed CPU/kernel/ABI, `config` triples and `examples`.
{ lib }:
let
  cpus = [ "x86_64" "i686" "aarch64" "armv6l" "armv7l" "powerpc64le" "riscv64" ];
  kernels = [ "linux" "darwin" "freebsd" ];
  all = [
    "x86_64-linux" "i686-linux" "aarch64-linux" "armv6l-linux" "armv7l-linux" "powerpc64le-linux" "riscv64-linux"
    "x86_64-darwin" "aarch64-darwin"
    "x86_64-freebsd" "aarch64-freebsd"
  ];
  withCpu = cpu: builtins.filter (s: lib.hasPrefix "${cpu}-" s) all;
  withKernel = kernel: builtins.filter (s: lib.hasSuffix "-${kernel}" s) all;
in
rec {
  # The systems for which flakes usually expose outputs (as nixpkgs' list).
  flakeExposed = [
    "x86_64-linux" "aarch64-linux" "x86_64-darwin" "armv6l-linux" "armv7l-linux"
    "i686-linux" "aarch64-darwin" "powerpc64le-linux" "riscv64-linux" "x86_64-freebsd"
  ];

  # Lists of system strings by kernel and CPU (also `lib.platforms`).
  doubles = {
    inherit all;
    linux = withKernel "linux";
    darwin = withKernel "darwin";
    freebsd = withKernel "freebsd";
    unix = all;
    x86_64 = withCpu "x86_64";
    i686 = withCpu "i686";
    x86 = withCpu "x86_64" ++ withCpu "i686";
    aarch64 = withCpu "aarch64";
    arm = withCpu "armv6l" ++ withCpu "armv7l";
    power = withCpu "powerpc64le";
    riscv = withCpu "riscv64";
  };

  # A platform record for a system string (or a `{ system = ...; }` set).
  elaborate = systemOrArgs:
    let
      args = if builtins.isString systemOrArgs then { system = systemOrArgs; } else systemOrArgs;
      inherit (args) system;
      parts = lib.splitString "-" system;
      cpu = builtins.head parts;
      kernel = lib.last parts;
    in
    assert lib.assertMsg (builtins.length parts == 2 && builtins.elem cpu cpus && builtins.elem kernel kernels)
      "lib.systems.elaborate: unknown system '${system}' (nixpkgs-lite knows: ${lib.concatStringsSep ", " all})";
    args // {
      inherit system;
      isLinux = kernel == "linux";
      isDarwin = kernel == "darwin";
      isFreeBSD = kernel == "freebsd";
      isx86_64 = cpu == "x86_64";
      isi686 = cpu == "i686";
      isx86 = cpu == "x86_64" || cpu == "i686";
      isAarch64 = cpu == "aarch64";
      is64bit = builtins.elem cpu [ "x86_64" "aarch64" "powerpc64le" "riscv64" ];
      # The executable suffix and shared-library extension.
      extensions = {
        executable = "";
        sharedLibrary = if kernel == "darwin" then ".dylib" else ".so";
      };
      # Whether programs built for `other` run on this platform.
      canExecute = other: system == other.system || (cpu == "x86_64" && other.system == "i686-${kernel}");
    };
}
