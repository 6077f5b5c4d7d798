BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Install-OrcExecutable' {
    BeforeEach {
        $script:source = Join-Path $TestDrive 'module/orc-exec'
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $source)
        Set-Content -Path $source -Value 'version 1'
        $script:store = Join-Path $TestDrive ("store-" + [guid]::NewGuid().ToString('N'))
    }

    It 'copies to <store>/bin/orc-exec on Linux/macOS and returns the stable path' -Tag 'NotOnWine.UnixChmod' {
        Mock Test-OrcWindows { $false }
        $path = InModuleScope Orchestrator -Parameters @{ Source = $source; Store = $store } {
            param($Source, $Store)
            Install-OrcExecutable -SourcePath $Source -StoreHome $Store
        }
        $path | Should -Be (Join-Path $store 'bin/orc-exec')
        Get-Content $path | Should -Be 'version 1'
    }

    It 'copies to %ProgramFiles%\Orchestrator\orc-exec.exe on Windows' {
        Mock Test-OrcWindows { $true }
        $saved = $env:ProgramFiles
        # On Windows ProgramW6432 is set and wins over ProgramFiles: clear it, or the test would
        # install into the real Program Files.
        $savedW6432 = $env:ProgramW6432
        try {
            $env:ProgramFiles = Join-Path $TestDrive 'ProgramFiles'
            $env:ProgramW6432 = $null
            $path = InModuleScope Orchestrator -Parameters @{ Source = $source } { param($Source) Install-OrcExecutable -SourcePath $Source }
        }
        finally {
            $env:ProgramFiles = $saved
            $env:ProgramW6432 = $savedW6432
        }
        $path | Should -Be (Join-Path (Join-Path (Join-Path $TestDrive 'ProgramFiles') 'Orchestrator') 'orc-exec.exe')
        Test-Path $path | Should -BeTrue
    }

    It 'uses the 64-bit Program Files (ProgramW6432) from a 32-bit Windows PowerShell too' {
        Mock Test-OrcWindows { $true }
        $savedPf = $env:ProgramFiles
        $savedW6432 = $env:ProgramW6432
        try {
            $env:ProgramFiles = Join-Path $TestDrive 'ProgramFilesX86'
            $env:ProgramW6432 = Join-Path $TestDrive 'ProgramFiles64'
            $path = InModuleScope Orchestrator -Parameters @{ Source = $source } { param($Source) Install-OrcExecutable -SourcePath $Source }
        }
        finally {
            $env:ProgramFiles = $savedPf
            $env:ProgramW6432 = $savedW6432
        }
        $path | Should -Be (Join-Path (Join-Path (Join-Path $TestDrive 'ProgramFiles64') 'Orchestrator') 'orc-exec.exe')
    }

    It 'leaves an identical binary alone and replaces a different one' -Tag 'NotOnWine.UnixChmod' {
        Mock Test-OrcWindows { $false }
        $install = {
            InModuleScope Orchestrator -Parameters @{ Source = $source; Store = $store } {
                param($Source, $Store)
                Install-OrcExecutable -SourcePath $Source -StoreHome $Store
            }
        }
        $path = & $install
        $stamp = (Get-Item $path).LastWriteTimeUtc.AddMinutes(-5)
        (Get-Item $path).LastWriteTimeUtc = $stamp
        $null = & $install
        (Get-Item $path).LastWriteTimeUtc | Should -Be $stamp

        Set-Content -Path $source -Value 'version 2'
        $null = & $install
        Get-Content $path | Should -Be 'version 2'
        @(Get-ChildItem (Split-Path $path) | Where-Object Name -NotLike '*.owner.json').Count | Should -Be 1
    }
}

Describe 'Install-OrcExecutable between two module versions (5.1 and 7 share one orc-exec)' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    # Real executables that answer 'version --output json' as orc-exec does, one per version.
    BeforeAll {
        function script:New-FakeOrcExec([string] $Folder, [string] $Version) {
            $null = New-Item -ItemType Directory -Force -Path $Folder
            $path = Join-Path $Folder 'orc-exec'
            $script = "#!/bin/sh`n# build $([guid]::NewGuid())`n" +
                "[ `"`$1`" = version ] && echo '{`"schema`":`"orc.version/v1`",`"version`":`"$Version`",`"commit`":`"abc`"}'`nexit 0`n"
            [System.IO.File]::WriteAllText($path, $script)
            & chmod 755 $path
            $path
        }
        function script:Install-Fake([string] $Source, [string] $Store) {
            InModuleScope Orchestrator -Parameters @{ Source = $Source; Store = $Store } {
                param($Source, $Store)
                Install-OrcExecutable -SourcePath $Source -StoreHome $Store -WarningVariable w -WarningAction SilentlyContinue
                $script:lastWarnings = @($w)
            }
        }
    }
    BeforeEach {
        Mock Test-OrcWindows { $false }
        $script:store = Join-Path $TestDrive ("store-" + [guid]::NewGuid().ToString('N'))
    }

    It 'keeps a newer installed orc-exec, and the warning names both versions and the module that owns it' {
        $newer = New-FakeOrcExec (Join-Path $TestDrive 'm7') '0.10.0'
        $older = New-FakeOrcExec (Join-Path $TestDrive 'm51') '0.9.2'
        $path = Install-Fake $newer $store
        (Get-Content -Raw $path) | Should -Be (Get-Content -Raw $newer)
        $null = Install-Fake $older $store
        (Get-Content -Raw $path) | Should -Be (Get-Content -Raw $newer)
        $warning = InModuleScope Orchestrator { $script:lastWarnings -join ' ' }
        $warning | Should -Match '0\.10\.0'
        $warning | Should -Match '0\.9\.2'
        $warning | Should -Match ([regex]::Escape((Get-Module Orchestrator).ModuleBase))
        $warning | Should -Match 'is kept'
    }

    It 'replaces an older installed orc-exec and records the new owner' {
        $older = New-FakeOrcExec (Join-Path $TestDrive 'a') '0.9.2'
        $newer = New-FakeOrcExec (Join-Path $TestDrive 'b') '0.10.0'
        $path = Install-Fake $older $store
        $null = Install-Fake $newer $store
        (Get-Content -Raw $path) | Should -Be (Get-Content -Raw $newer)
        $owner = Get-Content -Raw "$path.owner.json" | ConvertFrom-Json
        $owner.source | Should -Be $newer
        $owner.moduleVersion | Should -Be ([string](Get-Module Orchestrator).Version)
    }

    It 'replaces a binary of the same version built from another commit (a development build)' {
        $first = New-FakeOrcExec (Join-Path $TestDrive 'c') '0.9.2'
        $second = New-FakeOrcExec (Join-Path $TestDrive 'd') '0.9.2'
        $path = Install-Fake $first $store
        $null = Install-Fake $second $store
        (Get-Content -Raw $path) | Should -Be (Get-Content -Raw $second)
    }
}

Describe 'Compare-OrcExecutableVersion' {
    BeforeAll {
        function script:V([string] $Text) {
            InModuleScope Orchestrator -Parameters @{ T = $Text } {
                param($T)
                $m = [regex]::Match($T, '^(?<core>\d+\.\d+\.\d+)(-(?<pre>[^+]+))?')
                [pscustomobject]@{ Version = $T; Number = [version]$m.Groups['core'].Value; Prerelease = $m.Groups['pre'].Value; Commit = '' }
            }
        }
        # Ascending, as SemVer 2.0.0 orders them (its rule 11 example plus numeric edge cases).
        $script:ordered = @('0.1.0', '0.9.0', '0.9.10', '0.10.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta',
            '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '2.0.0')
    }

    It '<Left> vs <Right> -> <Expected>' -TestCases @(
        @{ Left = '0.10.0'; Right = '0.9.0'; Expected = 1 }
        @{ Left = '1.0.0'; Right = '1.0.0-rc.1'; Expected = 1 }
        @{ Left = '1.0.0-rc.10'; Right = '1.0.0-rc.9'; Expected = 1 }
        @{ Left = '0.1.0'; Right = '0.1.0+build.7'; Expected = 0 }
        @{ Left = '0.1.0'; Right = '0.2.0'; Expected = -1 }
    ) {
        InModuleScope Orchestrator -Parameters @{ L = (V $Left); R = (V $Right) } { param($L, $R) Compare-OrcExecutableVersion -Left $L -Right $R } | Should -Be $Expected
    }

    It 'orders every pair of a known ascending list consistently (antisymmetric, matches the list order)' {
        $versions = @(foreach ($t in $ordered) { V $t })
        for ($i = 0; $i -lt $versions.Count; $i++) {
            for ($j = 0; $j -lt $versions.Count; $j++) {
                $c = InModuleScope Orchestrator -Parameters @{ L = $versions[$i]; R = $versions[$j] } { param($L, $R) Compare-OrcExecutableVersion -Left $L -Right $R }
                $c | Should -Be ([math]::Sign($i.CompareTo($j))) -Because "$($ordered[$i]) vs $($ordered[$j])"
            }
        }
    }
}

Describe 'Get-OrcExecutableVersion' {
    It 'reads the real orc-exec''s version (the VERSION file it was built from)' {
        if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
        $v = InModuleScope Orchestrator { Get-OrcExecutableVersion -Path $env:ORC_EXEC_PATH }
        $v.Version | Should -Be ((Get-Content -Raw (Join-Path $RepoRoot 'VERSION')).Trim())
        $v.Number | Should -BeOfType [version]
    }

    It 'returns $null for a file that is not orc-exec' {
        $path = Join-Path $TestDrive 'not-orc-exec.txt'
        Set-Content -Path $path -Value 'x'
        InModuleScope Orchestrator -Parameters @{ P = $path } { param($P) Get-OrcExecutableVersion -Path $P } | Should -BeNullOrEmpty
    }
}
