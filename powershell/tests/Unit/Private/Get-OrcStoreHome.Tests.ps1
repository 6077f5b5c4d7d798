BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Get-OrcStoreHome' {
    BeforeEach {
        $script:saved = @{ ORC_HOME = $env:ORC_HOME; ProgramData = $env:ProgramData; XDG_DATA_HOME = $env:XDG_DATA_HOME; HOME = $env:HOME }
        $env:ORC_HOME = ''
    }
    AfterEach {
        foreach ($key in $saved.Keys) { Set-Item -Path "env:$key" -Value $saved[$key] }
    }

    It 'drops a trailing separator from ORC_HOME, which would escape the closing quote of a path with spaces' {
        $env:ORC_HOME = 'D:\Orc Store\'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be 'D:\Orc Store'
        $env:ORC_HOME = '/srv/orc store/'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be '/srv/orc store'
        $env:ORC_HOME = 'C:\'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be 'C:\'
    }

    It 'returns ORC_HOME when set' {
        $env:ORC_HOME = Join-Path $TestDrive 'store'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be (Join-Path $TestDrive 'store')
    }

    It 'returns %ProgramData%\Orchestrator on Windows' {
        Mock Test-OrcWindows { $true }
        $env:ProgramData = Join-Path $TestDrive 'ProgramData'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be (Join-Path (Join-Path $TestDrive 'ProgramData') 'Orchestrator')
    }

    It 'returns /var/lib/orchestrator for root on Linux' {
        Mock Test-OrcWindows { $false }
        Mock Get-OrcUserId { 0 }
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be '/var/lib/orchestrator'
    }

    It 'returns $XDG_DATA_HOME/orchestrator for other users' {
        Mock Test-OrcWindows { $false }
        Mock Get-OrcUserId { 1000 }
        $env:XDG_DATA_HOME = Join-Path $TestDrive 'xdg'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be (Join-Path (Join-Path $TestDrive 'xdg') 'orchestrator')
    }

    It 'falls back to ~/.local/share/orchestrator' {
        Mock Test-OrcWindows { $false }
        Mock Get-OrcUserId { 1000 }
        $env:XDG_DATA_HOME = ''
        $env:HOME = Join-Path $TestDrive 'home'
        InModuleScope Orchestrator { Get-OrcStoreHome } | Should -Be (Join-Path $TestDrive 'home/.local/share/orchestrator')
    }
}
