# Build targets for `sam build` (template.yaml: Metadata: BuildMethod: makefile).
#
# Both Lambda functions ship the SAME Quarkus native executable (`bootstrap`); the
# CONNECTOR_FUNCTION env var picks the role at run time. So the native image is built
# once and each build-<Function> target only copies it into $(ARTIFACTS_DIR).
#
# How SAM runs this file: `make --makefile <project>/Makefile build-<LogicalId>` with
# ARTIFACTS_DIR set, in a scratch copy of the project (default) or in the project itself
# (`sam build --build-in-source`). Either way the build below runs in the directory that
# holds this Makefile, so ./mvnw, pom.xml and src/ are found, target/ is reused between
# builds, and the second function reuses the first one's binary.
#
# Knobs (environment or make variables):
#   NATIVE_BUILD_LOCAL=1   build with a local Mandrel/GraalVM (native-image on PATH or
#                          GRAALVM_HOME set) instead of Quarkus' container build (Docker/Podman)
#   LAMBDA_ARCH=arm64      target architecture; must equal the template's Architecture
#                          parameter (default x86_64)
#   MVN_ARGS=...           extra Maven arguments
#
# Other targets: `make native` (build only), `make clean-native` (forget the cached binary).

PROJECT_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
THIS_MAKEFILE := $(PROJECT_DIR)/Makefile

LAMBDA_ARCH ?= x86_64
ifeq ($(LAMBDA_ARCH),x86_64)
  CONTAINER_PLATFORM := linux/amd64
  ELF_MACHINE := 3e
  HOST_ARCHES := x86_64 amd64
else ifeq ($(LAMBDA_ARCH),arm64)
  CONTAINER_PLATFORM := linux/arm64
  ELF_MACHINE := b7
  HOST_ARCHES := aarch64 arm64
else
  $(error LAMBDA_ARCH must be x86_64 or arm64, not '$(LAMBDA_ARCH)')
endif

ifeq ($(NATIVE_BUILD_LOCAL),1)
  NATIVE_FLAGS :=
else
  NATIVE_FLAGS := -Dquarkus.native.container-build=true \
                  -Dquarkus.native.container-runtime-options=--platform=$(CONTAINER_PLATFORM)
endif

MVN ?= $(if $(wildcard $(PROJECT_DIR)/mvnw),./mvnw,mvn)
MVN_ARGS ?=

# The cached native package, one per architecture. Only the `native` rule below writes it,
# so a JVM-mode target/function.zip can never be mistaken for it.
NATIVE_ZIP := $(PROJECT_DIR)/target/sam-native/$(LAMBDA_ARCH)/function.zip
# Everything the binary is built from; the cached package is reused while it is newer.
NATIVE_INPUTS := $(THIS_MAKEFILE) $(PROJECT_DIR)/pom.xml \
  $(wildcard $(PROJECT_DIR)/mvnw $(PROJECT_DIR)/.mvn/wrapper/maven-wrapper.properties) \
  $(shell find "$(PROJECT_DIR)/src" -type f 2>/dev/null)

# Serialise the two builds if SAM runs them in parallel (`sam build --parallel`); flock is
# in util-linux (Linux). Without it, do not use --parallel.
LOCK_FILE := $(PROJECT_DIR)/target/.sam-native.lock
LOCKED := $(if $(shell command -v flock 2>/dev/null),flock "$(LOCK_FILE)",)

.PHONY: help build-ConfigFunction build-WebhookFunction native clean-native
.DEFAULT_GOAL := help

help:
	@echo "Used by 'sam build' (targets build-ConfigFunction, build-WebhookFunction)."
	@echo "  make native         build target/sam-native/$(LAMBDA_ARCH)/function.zip only"
	@echo "  make clean-native   forget the cached native package"
	@echo "Variables: NATIVE_BUILD_LOCAL=1, LAMBDA_ARCH=x86_64|arm64, MVN_ARGS=..."

build-ConfigFunction build-WebhookFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this target through 'sam build'" >&2; exit 1; }
	@command -v unzip >/dev/null 2>&1 || { echo "unzip is required (e.g. apt-get install unzip)" >&2; exit 1; }
	@mkdir -p "$(PROJECT_DIR)/target"
	$(LOCKED) $(MAKE) --no-print-directory -f "$(THIS_MAKEFILE)" native
	mkdir -p "$(ARTIFACTS_DIR)"
	unzip -o -q "$(NATIVE_ZIP)" -d "$(ARTIFACTS_DIR)"
	chmod 755 "$(ARTIFACTS_DIR)/bootstrap"
	@echo "$@: $(ARTIFACTS_DIR)/bootstrap ($(LAMBDA_ARCH))"

native: $(NATIVE_ZIP)

$(NATIVE_ZIP): $(NATIVE_INPUTS)
	@if [ "$(NATIVE_BUILD_LOCAL)" = "1" ]; then \
	  host="$$(uname -m)"; ok=""; \
	  for a in $(HOST_ARCHES); do [ "$$host" = "$$a" ] && ok=1; done; \
	  [ -n "$$ok" ] || { echo "NATIVE_BUILD_LOCAL=1 builds for this machine ($$host), not LAMBDA_ARCH=$(LAMBDA_ARCH); use the container build instead" >&2; exit 1; }; \
	fi
	cd "$(PROJECT_DIR)" && $(MVN) -B package -Dnative -DskipTests $(NATIVE_FLAGS) $(MVN_ARGS)
	@unzip -Z1 "$(PROJECT_DIR)/target/function.zip" | grep -qx bootstrap || { echo "target/function.zip has no 'bootstrap': was the native build skipped?" >&2; exit 1; }
	@# The entry must be an ELF executable for LAMBDA_ARCH (byte 18 of the ELF header is e_machine).
	@machine="$$(unzip -p "$(PROJECT_DIR)/target/function.zip" bootstrap | od -An -tx1 -j18 -N1 | tr -d ' \n')"; \
	  magic="$$(unzip -p "$(PROJECT_DIR)/target/function.zip" bootstrap | od -An -c -N4 | tr -d ' \n')"; \
	  if [ "$$magic" = "177ELF" ] && [ "$$machine" != "$(ELF_MACHINE)" ]; then \
	    echo "bootstrap is not built for $(LAMBDA_ARCH) (ELF machine 0x$$machine); build with the matching LAMBDA_ARCH" >&2; exit 1; \
	  fi
	mkdir -p "$(dir $@)"
	cp "$(PROJECT_DIR)/target/function.zip" "$@"

clean-native:
	rm -rf "$(PROJECT_DIR)/target/sam-native"
