# liqtop: build, install, man page.
#   make install PREFIX=/usr/local           release build (many minutes on 2 cores), then install
#   make install PREFIX=~/.local BIN=path    install an already built binary instead (no build)
#   make man                                 regenerate Docs/liqtop.1 from the command tree
#   make uninstall PREFIX=/usr/local
# DESTDIR is honoured (packaging). Everything the binary needs at run time sits under PREFIX:
# it finds its themes (and the instrument snapshot) as <bin>/../share/liqtop/.

PREFIX ?= /usr/local
DESTDIR ?=
RELEASE_BIN := .build/release/liqtop
BIN ?= $(RELEASE_BIN)

bindir := $(DESTDIR)$(PREFIX)/bin
sharedir := $(DESTDIR)$(PREFIX)/share
datadir := $(sharedir)/liqtop
mandir := $(sharedir)/man/man1
bashdir := $(sharedir)/bash-completion/completions
zshdir := $(sharedir)/zsh/site-functions
fishdir := $(sharedir)/fish/vendor_completions.d

.PHONY: all release install uninstall man

all: release

release:
	swift build -c release --product liqtop

# Only the default BIN is built here; a given BIN is installed as it is.
install: $(if $(filter $(RELEASE_BIN),$(BIN)),release)
	install -d "$(bindir)" "$(datadir)/Themes" "$(mandir)" "$(bashdir)" "$(zshdir)" "$(fishdir)"
	install -m 755 "$(BIN)" "$(bindir)/liqtop"
	install -m 644 Themes/*.theme "$(datadir)/Themes/"
	if [ -f Instruments/snapshot/DATE ]; then \
	  install -d "$(datadir)/Instruments/snapshot" && install -m 644 Instruments/snapshot/* "$(datadir)/Instruments/snapshot/"; fi
	install -m 644 Docs/liqtop.1 "$(mandir)/liqtop.1"
	"$(bindir)/liqtop" --generate-completion-script bash > "$(bashdir)/liqtop"
	"$(bindir)/liqtop" --generate-completion-script zsh > "$(zshdir)/_liqtop"
	"$(bindir)/liqtop" --generate-completion-script fish > "$(fishdir)/liqtop.fish"
	# The commit `liqtop --version` names (SwiftPM cannot compile it in); none outside git.
	git describe --always --dirty --abbrev=12 --exclude='*' > "$(datadir)/commit" 2>/dev/null || rm -f "$(datadir)/commit"

uninstall:
	rm -f "$(bindir)/liqtop" "$(mandir)/liqtop.1" "$(bashdir)/liqtop" "$(zshdir)/_liqtop" "$(fishdir)/liqtop.fish"
	rm -rf "$(datadir)"

# The page is generated from the command tree by swift-argument-parser's generate-manual plugin
# (it builds the package in debug first); .ci/run fails when the committed page is stale.
man:
	swift package generate-manual --configuration debug --authors "the liqtop authors"
	cp .build/plugins/GenerateManual/outputs/liqtop/liqtop.1 Docs/liqtop.1
