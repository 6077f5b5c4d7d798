# The backend dispatchers: Task Scheduler implementation on Windows, cron elsewhere.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    Install-OrcCronStub
    $script:definition = [ordered]@{ name = 'db'; action = [ordered]@{ command = 'x' } }
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Test-OrcWindows' {
    It 'reports the platform the tests run on' {
        $expected = $PSVersionTable.PSEdition -ne 'Core' -or $IsWindows
        InModuleScope Orchestrator { Test-OrcWindows } | Should -Be $expected
    }
}

Describe 'Backend dispatchers on Windows' {
    BeforeAll {
        Mock Test-OrcWindows { $true }
        foreach ($name in 'Register', 'Unregister', 'Get', 'Enable', 'Disable', 'Start', 'Stop') {
            Mock "$name-OrcScheduledTask" { }
            Mock "$name-OrcCronTask" { }
        }
        Mock Register-OrcScheduledTask { [pscustomobject]@{ Name = 'db'; Changed = $true } }
        Mock Unregister-OrcScheduledTask { $true }
        Mock Get-OrcScheduledTask { [pscustomobject]@{ Name = 'db'; Enabled = $true; State = 'Ready'; ExecPath = 'C:\o.exe'; DefinitionHash = 'ab'; LastRunTime = $null; LastTaskResult = $null; NextRunTime = $null } }
    }

    It 'Register-OrcBackendTask passes the definition, paths and credential to Register-OrcScheduledTask' {
        $cred = New-Object System.Management.Automation.PSCredential ('DOM\svc', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        $r = InModuleScope Orchestrator -Parameters @{ D = $definition; C = $cred } {
            param($D, $C)
            Register-OrcBackendTask -Definition $D -ExecPath 'C:\o.exe' -StoreHome 'C:\s' -Credential $C
        }
        $r.Changed | Should -BeTrue
        Should -Invoke Register-OrcScheduledTask -Exactly 1 -ParameterFilter { $ExecPath -eq 'C:\o.exe' -and $StoreHome -eq 'C:\s' -and $Credential.UserName -eq 'DOM\svc' -and $Definition.name -eq 'db' }
        Should -Invoke Register-OrcCronTask -Exactly 0
    }

    It '<Verb>-OrcBackendTask calls <Verb>-OrcScheduledTask and not cron' -TestCases @(
        @{ Verb = 'Enable' }, @{ Verb = 'Disable' }, @{ Verb = 'Start' }, @{ Verb = 'Stop' }, @{ Verb = 'Unregister' }
    ) {
        InModuleScope Orchestrator -Parameters @{ Verb = $Verb } { param($Verb) $null = & "$Verb-OrcBackendTask" -Name 'db' }
        Should -Invoke "$Verb-OrcScheduledTask" -Exactly 1 -ParameterFilter { $Name -eq 'db' }
        Should -Invoke "$Verb-OrcCronTask" -Exactly 0
    }

    It 'Get-OrcBackendTask returns the common shape with Backend TaskScheduler' {
        $t = InModuleScope Orchestrator { Get-OrcBackendTask }
        $t.Name | Should -Be 'db'
        $t.Backend | Should -Be 'TaskScheduler'
        $t.DefinitionHash | Should -Be 'ab'
    }
}

Describe 'Backend dispatchers elsewhere (cron)' {
    BeforeAll {
        Mock Test-OrcWindows { $false }
        foreach ($name in 'Register', 'Unregister', 'Get', 'Enable', 'Disable', 'Start', 'Stop') {
            Mock "$name-OrcScheduledTask" { }
            Mock "$name-OrcCronTask" { }
        }
        Mock Register-OrcCronTask { [pscustomobject]@{ Name = 'db'; Changed = $false } }
        Mock Unregister-OrcCronTask { $true }
        Mock Start-OrcCronTask { 4242 }
        Mock Get-OrcCronTask { [pscustomobject]@{ Name = 'db'; Enabled = $false; Schedule = '0 2 * * *'; ExecPath = '/s/bin/orc-exec'; Line = '# 0 2 * * * ...' } }
        Mock Install-OrcExecutable { '/s/bin/orc-exec' }
        Mock Get-OrcStoreHome { '/s' }
    }

    It 'Register-OrcBackendTask calls Register-OrcCronTask with definition, exec path and store' {
        $r = InModuleScope Orchestrator -Parameters @{ D = $definition } { param($D) Register-OrcBackendTask -Definition $D -ExecPath '/s/bin/orc-exec' -StoreHome '/s' }
        $r.Changed | Should -BeFalse
        Should -Invoke Register-OrcCronTask -Exactly 1 -ParameterFilter { $ExecPath -eq '/s/bin/orc-exec' -and $StoreHome -eq '/s' -and $Definition.name -eq 'db' }
        Should -Invoke Register-OrcScheduledTask -Exactly 0
    }

    It 'warns that -Credential does not apply to cron' {
        $cred = New-Object System.Management.Automation.PSCredential ('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        $null = InModuleScope Orchestrator -Parameters @{ D = $definition; C = $cred } {
            param($D, $C)
            Register-OrcBackendTask -Definition $D -ExecPath '/x' -StoreHome '/s' -Credential $C -WarningVariable w -WarningAction SilentlyContinue
            $w | Should -Not -BeNullOrEmpty
        }
    }

    It '<Verb>-OrcBackendTask calls <Verb>-OrcCronTask' -TestCases @(
        @{ Verb = 'Enable' }, @{ Verb = 'Disable' }, @{ Verb = 'Unregister' }
    ) {
        InModuleScope Orchestrator -Parameters @{ Verb = $Verb } { param($Verb) $null = & "$Verb-OrcBackendTask" -Name 'db' }
        Should -Invoke "$Verb-OrcCronTask" -Exactly 1 -ParameterFilter { $Name -eq 'db' }
        Should -Invoke "$Verb-OrcScheduledTask" -Exactly 0
    }

    It 'Start-OrcBackendTask starts the stable orc-exec with the store and returns the process id' {
        InModuleScope Orchestrator { Start-OrcBackendTask -Name 'db' } | Should -Be 4242
        Should -Invoke Start-OrcCronTask -Exactly 1 -ParameterFilter { $Name -eq 'db' -and $ExecPath -eq '/s/bin/orc-exec' -and $StoreHome -eq '/s' }
    }

    It 'Stop-OrcBackendTask passes the store' {
        InModuleScope Orchestrator { Stop-OrcBackendTask -Name 'db' }
        Should -Invoke Stop-OrcCronTask -Exactly 1 -ParameterFilter { $Name -eq 'db' -and $StoreHome -eq '/s' }
    }

    It 'Get-OrcBackendTask gives cron entries the common shape' {
        $t = InModuleScope Orchestrator { Get-OrcBackendTask -Name 'db' }
        Should -Invoke Get-OrcCronTask -Exactly 1 -ParameterFilter { $Name -eq 'db' }
        $t.Backend | Should -Be 'Cron'
        $t.State | Should -Be 'Disabled'
        $t.Schedule | Should -Be '0 2 * * *'
        $t.ExecPath | Should -Be '/s/bin/orc-exec'
    }
}
