# Remove-OrcOrphan's decisions with the scheduler and orc-exec mocked at the module's own functions
# and real definition files; runs on Linux pwsh and in the win-x64 host under Wine.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Remove-OrcOrphan' {
    BeforeEach {
        $script:store = Join-Path $TestDrive ('store-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path (Join-Path $store 'tasks') -Force
        Set-Content -LiteralPath (Join-Path $store 'tasks/scheduled.json') -Value '{"name":"scheduled","schedule":{"cron":"0 3 * * *"},"action":{"command":"x"}}'
        Set-Content -LiteralPath (Join-Path $store 'tasks/manual.json') -Value '{"name":"manual","action":{"command":"x"}}'
        Set-Content -LiteralPath (Join-Path $store 'tasks/not a task.json') -Value '{}'
        Mock Get-OrcStoreHome { $store }
        Mock Get-OrcStoreBackendTask { [pscustomobject]@{ Name = 'ghost'; Backend = 'Cron' } }
        Mock Unregister-OrcBackendTask { $true }
        Mock Invoke-OrcExec { New-OrcExecResult } -ParameterFilter { $ArgumentList[0] -eq 'cleanup' }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.undefine/v1","removed":true}') } -ParameterFilter { $ArgumentList[0] -eq 'undefine' }
    }

    It 'reports a definition with no entry on <Backend>: <Expected>' -ForEach @(
        @{ Backend = 'Task Scheduler'; Windows = $true; Expected = @('SchedulerEntry:ghost:Removed', 'Definition:manual:Reported', 'Definition:scheduled:Reported') }
        @{ Backend = 'cron, where a task without a schedule has no line by design'; Windows = $false; Expected = @('SchedulerEntry:ghost:Removed', 'Definition:scheduled:Reported') }
    ) {
        Mock Test-OrcWindows { $Windows }
        $results = @(Remove-OrcOrphan -Confirm:$false)
        @($results | ForEach-Object { "$($_.Kind):$($_.Name):$($_.Action)" }) | Should -Be $Expected
        Should -Invoke Invoke-OrcExec -Exactly 0 -ParameterFilter { $ArgumentList[0] -eq 'undefine' }
    }

    It 'passes -OlderThan to orc-exec cleanup in seconds, and --dry-run under -WhatIf' {
        Mock Test-OrcWindows { $false }
        $null = Remove-OrcOrphan -OlderThan (New-TimeSpan -Days 30) -Confirm:$false
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'cleanup --older-than 2592000s' -and $StoreHome -eq $store }
        $null = Remove-OrcOrphan -WhatIf
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'cleanup --older-than 7776000s --dry-run' }
        Should -Invoke Unregister-OrcBackendTask -Exactly 1
    }

    It 'turns each orc.cleanup/v1 line into a result and reports a failed cleanup as an error' {
        Mock Test-OrcWindows { $false }
        Mock Get-OrcStoreBackendTask { [pscustomobject]@{ Name = 'scheduled'; Backend = 'Cron' } }
        Mock Invoke-OrcExec {
            New-OrcExecResult -ExitCode 70 -StdErr 'orc-exec: error: could not remove x' -Records @(
                ConvertTo-OrcTestRecord '{"schema":"orc.cleanup/v1","kind":"run","task":"t","name":"r1","action":"Removed","reason":"recorded as STOPPED"}'
                ConvertTo-OrcTestRecord '{"schema":"orc.cleanup/v1","kind":"outbox","name":"o1","action":"Reported","reason":"removing it failed"}')
        } -ParameterFilter { $ArgumentList[0] -eq 'cleanup' }
        $results = @(Remove-OrcOrphan -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($results | ForEach-Object { "$($_.Kind):$($_.Task):$($_.Name):$($_.Action)" }) | Should -Be @('Run:t:r1:Removed', 'Outbox::o1:Reported')
        $failures | Should -HaveCount 1
    }

    It 'keeps reporting the entry it could not remove, with the error' {
        Mock Test-OrcWindows { $false }
        Mock Unregister-OrcBackendTask { throw 'crontab is locked' }
        $results = @(Remove-OrcOrphan -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        $ghost = $results | Where-Object Name -EQ 'ghost'
        $ghost.Action | Should -Be 'Reported'
        $ghost.Reason | Should -BeLike '*crontab is locked*'
        @($failures | ForEach-Object FullyQualifiedErrorId) | Should -BeLike 'Orc.SchedulerError*'
    }

    It 'deletes a definition with no entry only with -Force' {
        Mock Test-OrcWindows { $false }
        $results = @(Remove-OrcOrphan -Force)
        @($results | Where-Object Kind -EQ 'Definition' | ForEach-Object { "$($_.Name):$($_.Action)" }) | Should -Be @('scheduled:Removed')
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'undefine scheduled' }
    }
}
