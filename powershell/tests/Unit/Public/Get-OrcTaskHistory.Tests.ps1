BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Get-OrcTaskHistory' {
    BeforeEach {
        $script:store = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path (Join-Path $store 'history')
        foreach ($n in 'db-a', 'db-b', 'web') { Set-Content -Path (Join-Path $store "history/$n.jsonl") -Value '' }
        Mock Get-OrcStoreHome { $script:store }
        Mock Invoke-OrcExec {
            $task = 'all'
            if ($ArgumentList.Count -gt 1 -and $ArgumentList[1] -notlike '--*') { $task = $ArgumentList[1] }
            New-OrcExecResult -Records @(
                ConvertTo-OrcTestRecord ('{"schema":"orc.result/v1","task":"' + $task + '","runId":"1","status":"SUCCESS","start":"2026-01-01T00:00:00Z","durationMs":1200,"exitCode":0,"attempts":[{}]}')
                ConvertTo-OrcTestRecord ('{"schema":"orc.result/v1","task":"' + $task + '","runId":"2","status":"FAILED","start":"2026-01-02T00:00:00Z","durationMs":10,"exitCode":3,"attempts":[{},{}],"outputTail":"boom"}')
            )
        } -ParameterFilter { $ArgumentList[0] -eq 'history' }
    }

    It 'returns Orchestrator.TaskResult objects, oldest first' {
        $r = @(Get-OrcTaskHistory -Name web)
        $r.RunId | Should -Be @('1', '2')
        $r[0].PSObject.TypeNames | Should -Contain 'Orchestrator.TaskResult'
        $r[0].Duration | Should -Be ([timespan]::FromMilliseconds(1200))
        $r[1].Attempts | Should -Be 2
        $r[1].OutputTail | Should -Be 'boom'
    }

    It 'passes -Last, -Since and -Status to orc-exec history' {
        $null = Get-OrcTaskHistory -Name web -Last 5 -Since ([datetimeoffset]'2026-01-01T00:00:00+00:00').UtcDateTime -Status failed
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter {
            $a = $ArgumentList -join ' '
            $a -like 'history web --last 5 --since 2026-01-01T*--status FAILED' -and $StoreHome -eq $script:store
        }
    }

    It 'reads every task''s history in one call without -Name' {
        @(Get-OrcTaskHistory).Count | Should -Be 2
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { $ArgumentList.Count -eq 1 }
    }

    It 'expands wildcards over the history folder' {
        @(Get-OrcTaskHistory -Name 'db-*').Task | Select-Object -Unique | Should -Be @('db-a', 'db-b')
    }

    It 'takes names by value and by property name' {
        $null = 'web' | Get-OrcTaskHistory
        $null = [pscustomobject]@{ Name = 'db-a' } | Get-OrcTaskHistory
        Should -Invoke Invoke-OrcExec -Exactly 2
    }

    It 'writes the mapped error when orc-exec fails' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 2 -StdErr 'orc-exec: error: bad --since' } -ParameterFilter { $ArgumentList[0] -eq 'history' }
        Get-OrcTaskHistory -Name web -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.Usage*'
    }
}
