# Uninstall-Orchestrator's decisions with the scheduler mocked at the module's backend functions and
# real files for the executable and the store; runs on Linux pwsh and in the win-x64 host under Wine
# (Windows paths: %ProgramFiles%\Orchestrator\orc-exec.exe).
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }
}
AfterAll {
    foreach ($key in $script:saved.Keys) {
        if ($null -eq $script:saved[$key]) { Remove-Item -Path "env:$key" -ErrorAction SilentlyContinue }
        else { Set-Item -Path "env:$key" -Value $script:saved[$key] }
    }
    Remove-OrcTestModule
}

Describe 'Uninstall-Orchestrator' {
    BeforeEach {
        $env:ORC_HOME = Join-Path $TestDrive ('store-' + [guid]::NewGuid().ToString('N'))
        $env:ProgramFiles = Join-Path $TestDrive ('pf-' + [guid]::NewGuid().ToString('N'))
        $env:ProgramW6432 = $env:ProgramFiles
        $null = New-Item -ItemType Directory -Path (Join-Path $env:ORC_HOME 'tasks') -Force
        $script:exe = InModuleScope Orchestrator { Get-OrcExecutableInstallPath }
        $null = New-Item -ItemType Directory -Path (Split-Path $exe) -Force
        foreach ($file in $exe, "$exe.owner.json", "$exe.old-0123") { Set-Content -LiteralPath $file -Value 'x' }
        Mock Get-OrcStoreBackendTask { [pscustomobject]@{ Name = 'a'; Backend = 'Test' }, [pscustomobject]@{ Name = 'b'; Backend = 'Test' } }
        Mock Unregister-OrcBackendTask { $true }
        Mock Remove-OrcScheduledTaskFolder { $true }
        Mock Invoke-OrcEventLogSourceRemoval { $true }
    }

    It 'is a High-impact change with -RemoveStore, -Force and -WhatIf' {
        $command = Get-Command Uninstall-Orchestrator
        $command.ScriptBlock.Attributes.Where({ $_ -is [System.Management.Automation.CmdletBindingAttribute] })[0].ConfirmImpact | Should -Be 'High'
        foreach ($p in 'RemoveStore', 'Force', 'WhatIf', 'Confirm') { $command.Parameters.Keys | Should -Contain $p }
    }

    It 'with -WhatIf changes nothing' {
        $results = @(Uninstall-Orchestrator -RemoveStore -WhatIf)
        $results | Should -HaveCount 0
        Should -Invoke Unregister-OrcBackendTask -Exactly 0
        Should -Invoke Invoke-OrcEventLogSourceRemoval -Exactly 0 -ParameterFilter { -not $Check }
        $exe | Should -Exist
        $env:ORC_HOME | Should -Exist
    }

    It 'removes every entry, the executable with its .owner.json and moved-aside copies, and keeps the store' {
        $results = @(Uninstall-Orchestrator -Force)
        Should -Invoke Unregister-OrcBackendTask -Exactly 2
        @($results | Where-Object Kind -EQ 'SchedulerEntry' | ForEach-Object Name) | Should -Be @('a', 'b')
        @($results | Where-Object Kind -EQ 'Executable' | ForEach-Object Name) | Should -Be @($exe)
        @(Get-ChildItem -LiteralPath (Split-Path $exe) -ErrorAction SilentlyContinue) | Should -HaveCount 0
        $env:ORC_HOME | Should -Exist
        $results | ForEach-Object { $_.PSTypeNames[0] | Should -Be 'Orchestrator.UninstallResult'; $_.Action | Should -Be 'Removed' }
    }

    It 'stops after the entries when one cannot be removed: the executable and the store stay, so the other tasks keep running' {
        Mock Unregister-OrcBackendTask { throw 'denied' } -ParameterFilter { $Name -eq 'b' }
        $results = @(Uninstall-Orchestrator -RemoveStore -Force -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        @($results | ForEach-Object Kind) | Should -Be @('SchedulerEntry')
        @($failures | ForEach-Object FullyQualifiedErrorId) | Should -BeLike 'Orc.SchedulerError*'
        $exe | Should -Exist
        $env:ORC_HOME | Should -Exist
        Should -Invoke Remove-OrcScheduledTaskFolder -Exactly 0
    }

    It 'removes the Event Log source through orc-exec on Windows only, once' {
        $onWindows = InModuleScope Orchestrator { Test-OrcWindows }
        $results = @(Uninstall-Orchestrator -Force)
        if ($onWindows) {
            Should -Invoke Invoke-OrcEventLogSourceRemoval -Exactly 1 -ParameterFilter { -not $Check -and $ExecutablePath -eq $exe }
            @($results | Where-Object Kind -EQ 'EventLogSource') | Should -HaveCount 1
            @($results | Where-Object Kind -EQ 'SchedulerFolder') | Should -HaveCount 1
        }
        else {
            Should -Invoke Invoke-OrcEventLogSourceRemoval -Exactly 0
            Should -Invoke Remove-OrcScheduledTaskFolder -Exactly 0
        }
    }

    It 'skips the Event Log source when this orc-exec has no eventlog command' {
        Mock Test-OrcWindows { $true }
        Mock Get-OrcExecutablePath { throw 'no module binary' }
        Mock Invoke-OrcEventLogSourceRemoval { $false } -ParameterFilter { $Check }
        $results = @(Uninstall-Orchestrator -Force)
        Should -Invoke Invoke-OrcEventLogSourceRemoval -Exactly 0 -ParameterFilter { -not $Check }
        @($results | Where-Object Kind -EQ 'EventLogSource') | Should -HaveCount 0
    }

    It 'deletes the store with -RemoveStore, and a second run returns nothing' {
        $null = Uninstall-Orchestrator -RemoveStore -Force
        $env:ORC_HOME | Should -Not -Exist
        Mock Get-OrcStoreBackendTask { }
        Mock Test-OrcWindows { $false }
        @(Uninstall-Orchestrator -RemoveStore -Force -ErrorAction Stop) | Should -HaveCount 0
    }
}
