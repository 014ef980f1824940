# Systems and platforms (`lib.systems`).
#
# A platform has two names: the Nix *system* double (`aarch64-linux`), which is what a
# derivation's `system` says and which machines can build it, and the GNU *config* triple
# (`aarch64-unknown-linux-gnu`), which is what compilers call it and which also says the
# C library (`-gnu`, `-musl`) or the ABI (`-gnueabihf`). `elaborate` turns either, or a set
# `{ system = ...; }` / `{ config = ...; isStatic = true; }`, into a platform record with
# `parsed` parts and the `isX` predicates packages test; `examples` are the platforms
# `pkgsCross` offers.
{ lib }:
let
  # CPUs: bits, family, and what the triple and the double call them.
  cpuTypes = {
    x86_64 = { bits = 64; family = "x86"; };
    i686 = { bits = 32; family = "x86"; };
    aarch64 = { bits = 64; family = "arm"; };
    armv6l = { bits = 32; family = "arm"; };
    armv7l = { bits = 32; family = "arm"; };
    powerpc64le = { bits = 64; family = "power"; };
    riscv64 = { bits = 64; family = "riscv"; };
  };
  # Kernels, with the executable format their programs use.
  kernelTypes = {
    linux = { execFormat = "elf"; };
    darwin = { execFormat = "macho"; };
    freebsd = { execFormat = "elf"; };
    windows = { execFormat = "pe"; };
  };

  all = [
    "x86_64-linux" "i686-linux" "aarch64-linux" "armv6l-linux" "armv7l-linux" "powerpc64le-linux" "riscv64-linux"
    "x86_64-darwin" "aarch64-darwin"
    "x86_64-freebsd" "aarch64-freebsd"
    "x86_64-windows" "i686-windows"
  ];
  withCpu = cpu: builtins.filter (s: lib.hasPrefix "${cpu}-" s) all;
  withKernel = kernel: builtins.filter (s: lib.hasSuffix "-${kernel}" s) all;

  unknown = what: name:
    throw "lib.systems: unknown ${what} '${name}' (nixpkgs-lite knows: ${lib.concatStringsSep ", " (builtins.attrNames (if what == "CPU" then cpuTypes else kernelTypes))})";
  cpuOf = name: if cpuTypes ? ${name} then cpuTypes.${name} // { inherit name; } else unknown "CPU" name;
  kernelOf = name: if kernelTypes ? ${name} then kernelTypes.${name} // { inherit name; } else unknown "kernel" name;

  # The ABI a Linux system double means: hard-float EABI on 32-bit ARM, GNU elsewhere.
  defaultAbi = cpu: kernel:
    if kernel == "linux" then (if cpuTypes.${cpu}.family == "arm" && cpuTypes.${cpu}.bits == 32 then "gnueabihf" else "gnu")
    else if kernel == "windows" then "gnu"
    else "unknown";
  defaultVendor = kernel:
    if kernel == "darwin" then "apple" else if kernel == "windows" then "w64" else "unknown";

  mkParsed = { cpu, vendor, kernel, abi }: {
    cpu = cpuOf cpu;
    vendor = { name = vendor; };
    kernel = kernelOf kernel;
    abi = { name = abi; };
  };
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
    windows = withKernel "windows";
    unix = builtins.filter (s: !(lib.hasSuffix "-windows" s)) all;
    x86_64 = withCpu "x86_64";
    i686 = withCpu "i686";
    x86 = withCpu "x86_64" ++ withCpu "i686";
    aarch64 = withCpu "aarch64";
    arm = withCpu "armv6l" ++ withCpu "armv7l";
    power = withCpu "powerpc64le";
    riscv = withCpu "riscv64";
  };

  parse = {
    # The parts of a config triple: `aarch64-unknown-linux-gnu`, `x86_64-apple-darwin`,
    # `x86_64-w64-mingw32` (Windows with the MinGW toolchain).
    fromConfig = config:
      let parts = lib.splitString "-" config; n = builtins.length parts; at = builtins.elemAt parts;
      in
      if n == 4 then mkParsed { cpu = at 0; vendor = at 1; kernel = at 2; abi = at 3; }
      else if n == 3 && at 2 == "mingw32" then mkParsed { cpu = at 0; vendor = at 1; kernel = "windows"; abi = "gnu"; }
      else if n == 3 && at 1 == "apple" then mkParsed { cpu = at 0; vendor = "apple"; kernel = "darwin"; abi = "unknown"; }
      else if n == 3 then mkParsed { cpu = at 0; vendor = at 1; kernel = at 2; abi = "unknown"; }
      else throw "lib.systems.parse: '${config}' is not a config triple like 'aarch64-unknown-linux-gnu'.";

    # The parts a system double stands for (`aarch64-linux`: glibc, `armv7l-linux`: hard-float).
    fromSystem = system:
      let parts = lib.splitString "-" system;
      in
      if builtins.length parts != 2 then throw "lib.systems.parse: '${system}' is not a system like 'x86_64-linux' (nixpkgs-lite knows: ${lib.concatStringsSep ", " all})."
      else
        let cpu = builtins.head parts; kernel = lib.last parts;
        in mkParsed { inherit cpu kernel; vendor = defaultVendor kernel; abi = defaultAbi (cpuOf cpu).name (kernelOf kernel).name; };

    # The system double of parsed parts.
    doubleFromParsed = parsed: "${parsed.cpu.name}-${parsed.kernel.name}";

    # The config triple of parsed parts.
    tripleFromParsed = parsed:
      if parsed.kernel.name == "windows" then "${parsed.cpu.name}-${parsed.vendor.name}-mingw32"
      else if parsed.abi.name == "unknown" then "${parsed.cpu.name}-${parsed.vendor.name}-${parsed.kernel.name}"
      else "${parsed.cpu.name}-${parsed.vendor.name}-${parsed.kernel.name}-${parsed.abi.name}";
  };

  # A platform record for a system double, a config triple, or a set with `system` or
  # `config` (and optionally `isStatic`, `libc`); more attributes of the set are kept.
  elaborate = systemOrArgs:
    let
      args0 = if builtins.isString systemOrArgs then
        (if builtins.length (lib.splitString "-" systemOrArgs) > 2 then { config = systemOrArgs; } else { system = systemOrArgs; })
        else systemOrArgs;
      parsed = if args0 ? config then parse.fromConfig args0.config else parse.fromSystem args0.system;
      cpu = parsed.cpu.name;
      kernel = parsed.kernel.name;
      abi = parsed.abi.name;
      system = parse.doubleFromParsed parsed;
      isMusl = lib.hasPrefix "musl" abi;
      isStatic = args0.isStatic or false;
      libc = args0.libc or (
        if kernel == "darwin" then "libSystem"
        else if kernel == "windows" then "msvcrt"
        else if isMusl then "musl"
        else if kernel == "linux" then "glibc"
        else "native");
      self = args0 // {
        inherit system parsed libc isStatic isMusl;
        config = parse.tripleFromParsed parsed;
        isLinux = kernel == "linux";
        isDarwin = kernel == "darwin";
        isFreeBSD = kernel == "freebsd";
        isWindows = kernel == "windows";
        isMinGW = kernel == "windows";
        isUnix = kernel != "windows";
        isGnu = lib.hasPrefix "gnu" abi;
        isx86_64 = cpu == "x86_64";
        isi686 = cpu == "i686";
        isx86 = parsed.cpu.family == "x86";
        isAarch64 = cpu == "aarch64";
        isAarch32 = cpu == "armv6l" || cpu == "armv7l";
        isAarch = parsed.cpu.family == "arm";
        isRiscV = parsed.cpu.family == "riscv";
        isRiscV64 = cpu == "riscv64";
        isPower64 = cpu == "powerpc64le";
        is64bit = parsed.cpu.bits == 64;
        is32bit = parsed.cpu.bits == 32;
        # The executable suffix and the library extensions.
        extensions = {
          executable = if kernel == "windows" then ".exe" else "";
          sharedLibrary = if kernel == "darwin" then ".dylib" else if kernel == "windows" then ".dll" else ".so";
          staticLibrary = if kernel == "windows" then ".lib" else ".a";
        };
        # Whether programs built for `other` run on this platform: the same kernel and
        # CPU (an x86_64 machine also runs i686 programs; the C library does not matter
        # to the kernel).
        canExecute = other:
          kernel == other.parsed.kernel.name
          && (cpu == other.parsed.cpu.name || (cpu == "x86_64" && other.parsed.cpu.name == "i686"));
      };
    in
    self;

  # The platforms `pkgsCross` offers, by nixpkgs' names.
  examples = {
    aarch64-multiplatform = { config = "aarch64-unknown-linux-gnu"; };
    raspberryPi = { config = "armv6l-unknown-linux-gnueabihf"; };
    riscv64 = { config = "riscv64-unknown-linux-gnu"; };
    mingwW64 = { config = "x86_64-w64-mingw32"; libc = "msvcrt"; };
    musl64 = { config = "x86_64-unknown-linux-musl"; };
  };
}
