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

    It 'copies to <store>/bin/orc-exec on Linux/macOS and returns the stable path' {
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
        try {
            $env:ProgramFiles = Join-Path $TestDrive 'ProgramFiles'
            $path = InModuleScope Orchestrator -Parameters @{ Source = $source } { param($Source) Install-OrcExecutable -SourcePath $Source }
        }
        finally {
            $env:ProgramFiles = $saved
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

    It 'leaves an identical binary alone and replaces a different one' {
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
        @(Get-ChildItem (Split-Path $path)).Count | Should -Be 1
    }
}
