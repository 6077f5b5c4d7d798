BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Get-OrcExecutablePath' {
    BeforeEach {
        $script:savedOverride = $env:ORC_EXEC_PATH
    }
    AfterEach {
        $env:ORC_EXEC_PATH = $savedOverride
    }

    Context 'when ORC_EXEC_PATH is set' {
        It 'returns the override when the file exists' {
            $file = Join-Path $TestDrive 'orc-exec'
            Set-Content -Path $file -Value 'x'
            $env:ORC_EXEC_PATH = $file
            InModuleScope Orchestrator -Parameters @{ File = $file } { param($File) Get-OrcExecutablePath | Should -Be $File }
        }

        It 'throws Orc.ExecutableNotFound naming the path and the fix when the file is missing' {
            $env:ORC_EXEC_PATH = Join-Path $TestDrive 'missing/orc-exec'
            $err = InModuleScope Orchestrator { try { Get-OrcExecutablePath; $null } catch { $_ } }
            $err.FullyQualifiedErrorId | Should -BeLike 'Orc.ExecutableNotFound*'
            $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err.Exception.Message | Should -BeLike "*$($env:ORC_EXEC_PATH)*"
            $err.Exception.Message | Should -BeLike '*ORC_EXEC_PATH*'
        }
    }

    Context 'when looking in the module folder' {
        It 'uses bin/<rid>/orc-exec.exe on Windows' {
            $env:ORC_EXEC_PATH = ''
            Mock Get-OrcRuntimeId { 'win-arm64' }
            # A module folder without binaries: the repository's bin/ holds them after build.ps1 Build or Package.
            $err = InModuleScope Orchestrator -Parameters @{ Empty = "$TestDrive" } { param($Empty)
                $saved = $script:ModuleRoot; $script:ModuleRoot = $Empty
                try { Get-OrcExecutablePath; $null } catch { $_ } finally { $script:ModuleRoot = $saved } }
            $err.TargetObject | Should -Be (Join-Path $TestDrive 'bin/win-arm64/orc-exec.exe')
        }

        It 'uses bin/<rid>/orc-exec elsewhere' {
            $env:ORC_EXEC_PATH = ''
            Mock Get-OrcRuntimeId { 'osx-arm64' }
            $err = InModuleScope Orchestrator -Parameters @{ Empty = "$TestDrive" } { param($Empty)
                $saved = $script:ModuleRoot; $script:ModuleRoot = $Empty
                try { Get-OrcExecutablePath; $null } catch { $_ } finally { $script:ModuleRoot = $saved } }
            $err.TargetObject | Should -BeLike '*bin*osx-arm64*orc-exec'
            $err.Exception.Message | Should -BeLike '*osx-arm64*'
        }
    }
}

Describe 'Get-OrcRuntimeId' {
    It 'maps PROCESSOR_ARCHITECTURE on Windows' -TestCases @(
        @{ Arch = 'AMD64'; Rid = 'win-x64' }
        @{ Arch = 'ARM64'; Rid = 'win-arm64' }
    ) {
        Mock Test-OrcWindows { $true }
        $saved = $env:PROCESSOR_ARCHITECTURE, $env:PROCESSOR_ARCHITEW6432
        try {
            $env:PROCESSOR_ARCHITECTURE = $Arch
            $env:PROCESSOR_ARCHITEW6432 = ''
            InModuleScope Orchestrator { Get-OrcRuntimeId } | Should -Be $Rid
        }
        finally {
            $env:PROCESSOR_ARCHITECTURE, $env:PROCESSOR_ARCHITEW6432 = $saved
        }
    }

    It 'prefers PROCESSOR_ARCHITEW6432 for a 32-bit process on 64-bit Windows' {
        Mock Test-OrcWindows { $true }
        $saved = $env:PROCESSOR_ARCHITECTURE, $env:PROCESSOR_ARCHITEW6432
        try {
            $env:PROCESSOR_ARCHITECTURE = 'x86'
            $env:PROCESSOR_ARCHITEW6432 = 'AMD64'
            InModuleScope Orchestrator { Get-OrcRuntimeId } | Should -Be 'win-x64'
        }
        finally {
            $env:PROCESSOR_ARCHITECTURE, $env:PROCESSOR_ARCHITEW6432 = $saved
        }
    }

    It 'returns a linux or osx rid on this non-Windows host' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        InModuleScope Orchestrator { Get-OrcRuntimeId } | Should -Match '^(linux|osx)-(x64|arm64)$'
    }
}
